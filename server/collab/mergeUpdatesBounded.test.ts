import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeUpdatesBounded } from "./mergeUpdatesBounded";

describe("mergeUpdatesBounded", () => {
  it("gives the same document as applying every update, for many updates", () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    const text = source.getText("t");
    for (let i = 0; i < 3000; i++) text.insert(i % 7 === 0 ? 0 : text.length, String.fromCharCode(97 + (i % 26)));
    text.delete(10, 100);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, mergeUpdatesBounded(updates));
    expect(merged.getText("t").toString()).toBe(text.toString());
  });
});
