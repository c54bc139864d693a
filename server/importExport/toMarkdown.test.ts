import { describe, expect, it } from "vitest";
import { documentSchema } from "../documents/documentState";
import { documentFromImport } from "./documentFromImport";
import { toMarkdown } from "./toMarkdown";

const ARTICLE = `# Istanbul talks

The delegations met at **Dolmabahçe** for *under two hours*; ~~no ceasefire~~ a prisoner exchange, says [the ministry](https://example.org/statement "Statement").

Mail [the desk](mailto:desk@example.org) with \`corrections\`.

## The setting

- Türkiye hosted
- Three items:
  - prisoners
  - ceasefire
    1. in the air
    2. at sea
- Next round

3. third
4. fourth

> Key takeaway: talks resumed.
>
> - with a list inside

### Code

\`\`\`json
{ "a": 1 }
\`\`\`

---

Line one\\
line two
`;

const importMarkdown = (text: string) => documentFromImport({ format: "markdown", text });
const exportMarkdown = (imported: ReturnType<typeof importMarkdown>) => toMarkdown(documentSchema().nodeFromJSON(imported.content), imported.title);

describe("Markdown → document → Markdown", () => {
  it("gives back the same Markdown: headings, nested lists, links, quotes, emphasis, code, rules, breaks", () => {
    expect(exportMarkdown(importMarkdown(ARTICLE))).toBe(ARTICLE);
  });

  it("imports the structure into the editor's node and mark names", () => {
    const { title, content } = importMarkdown(ARTICLE);
    expect(title).toBe("Istanbul talks");
    const types = content.content!.map((node) => node.type);
    expect(types).toEqual(["paragraph", "paragraph", "heading", "bulletList", "orderedList", "blockquote", "heading", "codeBlock", "horizontalRule", "paragraph"]);
    const nested = content.content![3]!.content![1]!.content![1]!;
    expect(nested.type).toBe("bulletList");
    expect(nested.content![1]!.content![1]).toMatchObject({ type: "orderedList" });
    const marks = content.content![0]!.content!.flatMap((node) => node.marks?.map((mark) => mark.type) ?? []);
    expect(marks).toEqual(expect.arrayContaining(["bold", "italic", "strike", "link"]));
    expect(content.content![4]).toMatchObject({ type: "orderedList", attrs: { start: 3 } });
  });

  it("escapes text that would otherwise read as Markdown, so it comes back as text", () => {
    const tricky = { type: "doc", content: ["# not a heading", "1. not a list", "- not a bullet", "> not a quote", "*not emphasis* and [not](a-link)"].map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
    const markdown = toMarkdown(documentSchema().nodeFromJSON(tricky));
    const back = documentFromImport({ format: "markdown", text: markdown, title: "Tricky" });
    expect(back.content).toEqual(documentSchema().nodeFromJSON(tricky).toJSON());
  });

  it("keeps raw HTML in Markdown as literal text, never as markup", () => {
    const { content } = importMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>');
    expect(JSON.stringify(content)).not.toMatch(/"type":"(image|iframe|html)/);
    expect(content.content![0]!.content![0]!.text).toBe('Hello <script>alert(1)</script> <img src=x onerror="alert(1)">');
  });

  it("drops images, keeps only http(s) and mailto links, and reduces tables to text", () => {
    const { content } = importMarkdown("A ![chart](https://example.org/c.png) chart.\n\n[js](javascript:alert(1)) [ftp](ftp://example.org/f) [web](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    const json = JSON.stringify(content);
    expect(json).not.toContain("c.png");
    expect(json).not.toContain("ftp://");
    const links = content.content![1]!.content!.filter((node) => node.marks?.some((mark) => mark.type === "link"));
    expect(links.map((node) => [node.text, node.marks![0]!.attrs!.href])).toEqual([["web", "https://example.org"]]);
    expect(content.content![2]!.content![0]!.text).toContain("| a | b |");
  });

  it("joins soft-wrapped lines with a space, as Markdown renders them", () => {
    expect(importMarkdown("Wrapped\nline").content.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "Wrapped line" }] }]);
  });

  it("fits heading levels to the schema (2 and 3)", () => {
    const { content } = importMarkdown("Intro\n\n# One\n\n#### Four");
    expect(content.content!.slice(1).map((node) => node.attrs!.level)).toEqual([2, 3]);
  });

  it("keeps deep nesting it can hold and refuses deeper nesting with 422 instead of cutting it short", () => {
    expect(JSON.stringify(importMarkdown(`${">".repeat(40)} deep`).content)).toContain("deep");
    expect(() => importMarkdown(`${">".repeat(100_000)} deep`)).toThrow(expect.objectContaining({ status: 422, message: expect.stringMatching(/too deeply/) }));
  });
});
