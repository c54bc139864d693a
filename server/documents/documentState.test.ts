import { describe, expect, it } from "vitest";
import { ISTANBUL_ANALYSIS_TITLE, istanbulTalksAnalysis } from "../seed/istanbulTalksAnalysis";
import { documentJSONFromYDoc, documentSchema, documentTextFromYDoc, yDocFromJSON } from "./documentState";

describe("document state", () => {
  it("turns the seeded analysis into a Y.Doc and back without loss", () => {
    const doc = yDocFromJSON(istanbulTalksAnalysis);
    // Compared after the schema fills in default attributes.
    const normalized = documentSchema().nodeFromJSON(istanbulTalksAnalysis).toJSON();
    expect(documentSchema().nodeFromJSON(documentJSONFromYDoc(doc)).toJSON()).toEqual(normalized);
    const text = documentTextFromYDoc(doc);
    for (const fact of ["Dolmabahçe", "1,000", "Antalya", "Türkiye"]) expect(text).toContain(fact);
    expect(text.split(/\s+/).length).toBeGreaterThan(800);
    expect(ISTANBUL_ANALYSIS_TITLE).toMatch(/^Istanbul talks/);
  });

  it("rejects content that does not fit the schema", () => {
    expect(() => yDocFromJSON({ type: "doc", content: [{ type: "image" }] })).toThrow();
    expect(() => yDocFromJSON({ type: "doc", content: [{ type: "bulletList", content: [{ type: "text", text: "x" }] }] })).toThrow();
  });
});
