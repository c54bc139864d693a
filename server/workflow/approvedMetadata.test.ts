import { describe, expect, it } from "vitest";
import { metadataChangedSince, metadataHash } from "./approvedMetadata";

const approved = { headline: "Istanbul talks", dek: "What the meeting achieved", bylineId: "b1", slug: "istanbul-talks" };

describe("approved metadata", () => {
  it("is stale after any of headline, dek, byline or slug changes, and not otherwise", () => {
    const hash = metadataHash(approved);
    expect(metadataChangedSince(hash, { ...approved })).toBe(false);
    for (const change of [{ headline: "Istanbul talks fail" }, { dek: null }, { bylineId: "b2" }, { slug: "istanbul" }]) {
      expect(metadataChangedSince(hash, { ...approved, ...change }), JSON.stringify(change)).toBe(true);
    }
  });

  it("keeps field boundaries: moving text from one field to the next changes the hash", () => {
    expect(metadataHash({ ...approved, headline: "ab", dek: "c" })).not.toBe(metadataHash({ ...approved, headline: "a", dek: "bc" }));
  });

  it("treats an approval without a pinned hash as stale", () => {
    expect(metadataChangedSince(null, approved)).toBe(true);
  });
});
