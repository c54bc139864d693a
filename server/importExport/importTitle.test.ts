import { describe, expect, it } from "vitest";
import { documentFromImport } from "./documentFromImport";

const fromMarkdown = (text: string, options: { title?: string; fileName?: string } = {}) => documentFromImport({ format: "markdown", text, ...options });
const blockTexts = (imported: ReturnType<typeof fromMarkdown>) => imported.content.content!.map((node) => `${node.type}:${node.content?.[0]?.text ?? ""}`);

describe("the title of an imported document", () => {
  it("takes an opening level-1 heading as the title and out of the body", () => {
    const imported = fromMarkdown("# Istanbul talks\n\nBody.\n\n## Setting", { fileName: "draft.md" });
    expect(imported.title).toBe("Istanbul talks");
    expect(blockTexts(imported)).toEqual(["paragraph:Body.", "heading:Setting"]);
  });

  it("keeps every heading in the body when a title is given", () => {
    const imported = fromMarkdown("# Istanbul talks\n\nBody.", { title: "Given title" });
    expect(imported.title).toBe("Given title");
    expect(blockTexts(imported)).toEqual(["heading:Istanbul talks", "paragraph:Body."]);
  });

  it("otherwise uses the first heading's text (kept in the body), then the file name", () => {
    const imported = fromMarkdown("Lead paragraph.\n\n## The   setting\n\n## Later", { fileName: "draft.md" });
    expect(imported.title).toBe("The setting");
    expect(blockTexts(imported)).toEqual(["paragraph:Lead paragraph.", "heading:The   setting", "heading:Later"]);
    expect(fromMarkdown("No headings.", { fileName: "Antalya notes.markdown" }).title).toBe("Antalya notes");
  });

  it("leaves a heading too long for a title in the body, and a title-only file with an empty body", () => {
    const long = "Word ".repeat(60).trim();
    const imported = fromMarkdown(`# ${long}\n\nBody.`);
    expect(imported.title.length).toBeGreaterThan(190);
    expect(long.startsWith(imported.title)).toBe(true);
    expect(blockTexts(imported)[0]).toBe(`heading:${long}`);
    expect(fromMarkdown("# Only a title").content).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
