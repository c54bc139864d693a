import { describe, expect, it } from "vitest";
import { withoutEmptyBlockSuggestions } from "../../lib/editor/suggestions/blockSuggestion";
import { AYSE, DANIEL, bold, del, docJSON, ins, paragraph, schema, text } from "../../lib/editor/suggestions/testing";
import { withoutSuggestions } from "./withoutSuggestions";

describe("the text before pending suggestions", () => {
  it("drops suggested insertions, keeps suggested deletions as plain text, and leaves no suggestion mark", () => {
    const doc = schema.nodeFromJSON(
      docJSON(
        paragraph("Talks lasted ", text("under two", del(AYSE, "r1")), text("about three", ins(AYSE, "r1")), " hours."),
        paragraph(text("Added paragraph text.", ins(DANIEL, "s2"))),
        paragraph("Kept ", text("bold", bold, del(DANIEL, "s3")), " words."),
      ),
    );
    expect(withoutEmptyBlockSuggestions(withoutSuggestions(doc).toJSON())).toEqual(
      docJSON(paragraph("Talks lasted under two hours."), paragraph(), paragraph("Kept ", text("bold", bold), " words.")),
    );
  });

  it("undoes structure and formatting suggestions: a split paragraph joined, a heading back to a paragraph, bold gone", () => {
    const by = { authorId: DANIEL.id, authorName: DANIEL.name, createdAt: "2026-05-16T10:00:00.000Z" };
    const doc = schema.nodeFromJSON(
      docJSON(
        paragraph("Talks ended. "),
        { ...paragraph("Both sides met."), attrs: { blockSuggestion: JSON.stringify({ id: "b1", ...by, kind: "split" }) } },
        {
          type: "heading",
          attrs: { level: 2, blockSuggestion: JSON.stringify({ id: "b2", ...by, kind: "change", previous: '{"type":"paragraph"}' }) },
          content: [text("Next steps", bold, { type: "suggestionFormat", attrs: { id: "f1", ...by, previous: "[]" } })],
        },
      ),
    );
    expect(withoutEmptyBlockSuggestions(withoutSuggestions(doc).toJSON())).toEqual(docJSON(paragraph("Talks ended. Both sides met."), paragraph("Next steps")));
  });
});
