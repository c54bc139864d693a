import { describe, expect, it } from "vitest";
import { listSuggestions } from "../../lib/editor/suggestions/listSuggestions";
import { reviewSuggestionsTransaction } from "../../lib/editor/suggestions/review";
import { EditorState } from "@tiptap/pm/state";
import { documentSchema } from "../documents/documentState";
import { istanbulTalksAnalysis } from "./istanbulTalksAnalysis";
import { withSeededStructureSuggestions } from "./seedStructureSuggestions";

describe("the seeded structure and formatting suggestions", () => {
  const daniel = { id: "daniel", name: "Daniel Okafor" };
  const content = withSeededStructureSuggestions(istanbulTalksAnalysis, daniel, new Date("2026-05-17T09:00:00Z"));
  const doc = documentSchema().nodeFromJSON(content);

  it("are a paragraph break and bold by the second analyst, listed in words", () => {
    expect(listSuggestions(doc).map(({ kind, authorName, description }) => ({ kind, authorName, description }))).toEqual([
      { kind: "split", authorName: "Daniel Okafor", description: "New paragraph" },
      { kind: "format", authorName: "Daniel Okafor", description: "Bold" },
    ]);
  });

  it("reject back to the seeded text exactly", () => {
    const state = EditorState.create({ doc });
    const rejected = state.apply(reviewSuggestionsTransaction(state, "reject", () => true)!).doc;
    expect(rejected.eq(documentSchema().nodeFromJSON(istanbulTalksAnalysis))).toBe(true);
  });
});
