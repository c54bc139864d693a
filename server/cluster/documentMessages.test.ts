import { describe, expect, it } from "vitest";
import { decodeDocumentMessage, encodeDocumentMessage, type DocumentMessage } from "./documentMessages";

describe("document messages between nodes", () => {
  it.each<DocumentMessage>([
    { kind: "update", nodeId: "node-a", seq: 42, updates: [{ authorId: "2b9e0c52-0000-4000-8000-000000000001", update: new Uint8Array([1, 2, 3]) }, { authorId: null, update: new Uint8Array([]) }] },
    { kind: "stored", nodeId: "node-b", seq: 7 },
    { kind: "awareness", nodeId: "node-c", update: new Uint8Array([9, 8]) },
    { kind: "awareness-query", nodeId: "node-d" },
  ])("round-trips a $kind message", (message) => {
    expect(decodeDocumentMessage(encodeDocumentMessage(message))).toEqual(message);
  });

  it("refuses an unknown kind and a truncated message", () => {
    expect(() => decodeDocumentMessage(new Uint8Array([99, 1, 65]))).toThrow();
    const whole = encodeDocumentMessage({ kind: "update", nodeId: "n", seq: 1, updates: [{ authorId: null, update: new Uint8Array(10) }] });
    expect(() => decodeDocumentMessage(whole.slice(0, whole.length - 3))).toThrow();
  });
});
