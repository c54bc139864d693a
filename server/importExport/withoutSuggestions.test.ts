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
});
