import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { renderHistoryBlocks, renderHistoryHtml } from "./renderHistoryHtml";

describe("renderHistoryHtml", () => {
  it("shows pending suggestions apart from comparison marks and keeps the output safe", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "kept " },
            {
              type: "text",
              text: "suggested",
              marks: [{ type: "suggestionInsert", attrs: { id: "s1", authorId: "u1", authorName: "Daniel <b>Okafor</b>", createdAt: "" } }],
            },
            { type: "text", text: " link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          ],
        },
      ],
    };
    const html = renderHistoryHtml(json);
    expect(html).toContain('<ins class="suggestion suggestion-insert" data-author-name="Daniel &lt;b&gt;Okafor&lt;/b&gt;">suggested</ins>');
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data-suggestion-id");
  });
});

describe("renderHistoryHtml with formatting and structure suggestions", () => {
  it("shows a suggested paragraph break and suggested bold, without their data", () => {
    const by = { id: "s2", authorId: "u1", authorName: "Daniel Okafor", createdAt: "2026-05-16T10:00:00.000Z" };
    const html = renderHistoryHtml({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First." }] },
        {
          type: "paragraph",
          attrs: { blockSuggestion: JSON.stringify({ ...by, kind: "split" }) },
          content: [{ type: "text", text: "Second", marks: [{ type: "bold" }, { type: "suggestionFormat", attrs: { ...by, previous: "[]" } }] }],
        },
      ],
    });
    expect(html).toBe(
      '<p>First.</p><p class="block-suggestion block-suggestion-split"><strong><span class="suggestion suggestion-format" data-author-name="Daniel Okafor">Second</span></strong></p>',
    );
  });
});

describe("renderHistoryBlocks", () => {
  it("renders each top-level block on its own, the same as rendering it alone", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "A <heading>" }] },
        { type: "paragraph", content: [{ type: "text", text: "One paragraph." }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "An item" }] }] }] },
        { type: "paragraph" },
      ],
    };
    const blocks = renderHistoryBlocks(json);
    expect(blocks).toEqual(json.content!.map((block) => renderHistoryHtml({ type: "doc", content: [block] })));
    expect(blocks[0]).toBe("<h2>A &lt;heading&gt;</h2>");
  });
});
