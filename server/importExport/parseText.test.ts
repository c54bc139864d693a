import { describe, expect, it } from "vitest";
import { documentFromImport } from "./documentFromImport";

describe("plain text import", () => {
  it("makes paragraphs from blank-line-separated blocks and hard breaks from single newlines", () => {
    const { content } = documentFromImport({ format: "text", text: "First line\nsecond line\n\n \n\nSecond paragraph\n", fileName: "notes.txt" });
    expect(content).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First line" }, { type: "hardBreak" }, { type: "text", text: "second line" }] },
        { type: "paragraph", content: [{ type: "text", text: "Second paragraph" }] },
      ],
    });
  });

  it("keeps Markdown and HTML characters as text", () => {
    const { content } = documentFromImport({ format: "text", text: "# not a heading <b>not bold</b>", title: "Raw" });
    expect(content.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "# not a heading <b>not bold</b>" }] }]);
  });

  it("is named after the file when no title is given", () => {
    expect(documentFromImport({ format: "text", text: "Body", fileName: "Antalya  meeting notes.txt" }).title).toBe("Antalya meeting notes");
    expect(documentFromImport({ format: "text", text: "Body" }).title).toBe("Imported document");
  });
});
