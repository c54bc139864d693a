import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { yDocFromJSON } from "../documents/documentState";
import { istanbulTalksAnalysis } from "./istanbulTalksAnalysis";
import { anchorPhrase, SEEDED_THREAD } from "./seedReviewThread";

describe("the seeded review thread", () => {
  it("is anchored exactly around its phrase in the seeded analysis", () => {
    const doc = yDocFromJSON(istanbulTalksAnalysis);
    const { start, end } = anchorPhrase(doc, SEEDED_THREAD.phrase);
    const from = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(start), doc)!;
    const to = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(end), doc)!;
    expect(from.type).toBe(to.type);
    const text = (from.type as Y.XmlText).toDelta().map((op: { insert: string }) => op.insert).join("");
    expect(text.slice(from.index, to.index)).toBe(SEEDED_THREAD.phrase);
    expect(doc.getXmlFragment(DOCUMENT_FRAGMENT).length).toBeGreaterThan(0);
    expect(() => anchorPhrase(doc, "not in the text")).toThrow();
  });
});
