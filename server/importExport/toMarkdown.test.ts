import { describe, expect, it } from "vitest";
import { withoutEmptyBlockSuggestions } from "../../lib/editor/suggestions/blockSuggestion";
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
    expect(back.content).toEqual(withoutEmptyBlockSuggestions(documentSchema().nodeFromJSON(tricky).toJSON()));
  });

  it("keeps raw HTML in Markdown as literal text, never as markup", () => {
    const { content } = importMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>');
    expect(JSON.stringify(content)).not.toMatch(/"type":"(image|iframe|html)/);
    expect(content.content![0]!.content![0]!.text).toBe('Hello <script>alert(1)</script> <img src=x onerror="alert(1)">');
  });

  it("drops images and keeps only http(s) and mailto links", () => {
    const { content } = importMarkdown("A ![chart](https://example.org/c.png) chart.\n\n[js](javascript:alert(1)) [ftp](ftp://example.org/f) [web](https://example.org)");
    const json = JSON.stringify(content);
    expect(json).not.toContain("c.png");
    expect(json).not.toContain("ftp://");
    const links = content.content![1]!.content!.filter((node) => node.marks?.some((mark) => mark.type === "link"));
    expect(links.map((node) => [node.text, node.marks![0]!.attrs!.href])).toEqual([["web", "https://example.org"]]);
  });

  it("imports a pipe table as a table with a header row and column alignment, and exports it back unchanged", () => {
    const markdown = "# Demands\n\n| Side | Asked for | Got |\n| :-- | --- | --: |\n| Kyiv | a **30-day** ceasefire | no |\n| Moscow | talks on \\| \"root causes\" | `1,000` \\| each |\n";
    const imported = importMarkdown(markdown);
    const table = imported.content.content![0]!;
    expect(table.type).toBe("table");
    expect(table.content!.map((row) => row.content!.map((cell) => cell.type))).toEqual([
      ["tableHeader", "tableHeader", "tableHeader"],
      ["tableCell", "tableCell", "tableCell"],
      ["tableCell", "tableCell", "tableCell"],
    ]);
    expect(table.content![0]!.content!.map((cell) => cell.attrs!.align)).toEqual(["left", null, "right"]);
    expect(table.content![2]!.content![1]!.content![0]!.content![0]!.text).toBe('talks on | "root causes"');
    expect(exportMarkdown(imported)).toBe(markdown);
  });

  it("writes a cell's several blocks and line breaks on the one line a pipe table has, and pads short rows", () => {
    const cell = (...content: object[]) => ({ type: "tableCell", content });
    const paragraph = (...content: object[]) => ({ type: "paragraph", content });
    const text = (value: string) => ({ type: "text", text: value });
    const doc = documentSchema().nodeFromJSON({
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            { type: "tableRow", content: [cell(paragraph(text("a"))), cell(paragraph(text("b")))] },
            { type: "tableRow", content: [cell(paragraph(text("one"), { type: "hardBreak" }, text("two")), { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("three"))] }] })] },
          ],
        },
      ],
    });
    expect(toMarkdown(doc)).toBe("| a | b |\n| --- | --- |\n| one two three |  |\n");
  });

  it("writes a related-article card as a 'Related:' line and reads that line back as a card; a bad address stays text", () => {
    const markdown = "# Cards\n\n**Related:** [Antalya: what NATO agreed](https://example.org/antalya_\\(2025\\)) — Ministers met before the talks\n\n**Related:** [No teaser](https://example.org/n)\n";
    const imported = importMarkdown(markdown);
    expect(imported.content.content).toEqual([
      { type: "relatedCard", attrs: { href: "https://example.org/antalya_(2025)", headline: "Antalya: what NATO agreed", teaser: "Ministers met before the talks" } },
      { type: "relatedCard", attrs: { href: "https://example.org/n", headline: "No teaser", teaser: "" } },
    ]);
    expect(exportMarkdown(imported)).toBe(markdown);
    const unsafe = importMarkdown("**Related:** [x](javascript:alert(1)) — y").content.content!;
    expect(unsafe.map((node) => node.type)).toEqual(["paragraph"]);
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
