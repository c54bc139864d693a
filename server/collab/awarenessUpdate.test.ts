import { describe, expect, it } from "vitest";
import { decodeAwarenessUpdate, encodeAwarenessEntries, sanitizeAwarenessEntries } from "./awarenessUpdate";

const identity = { id: "u1", name: "Ayşe Demir", color: "#d1495b" };

describe("awareness updates", () => {
  it("round-trips entries through the y-protocols wire format", () => {
    const entries = [
      { clientId: 7, clock: 3, state: { cursor: { anchor: 1 } } },
      { clientId: 9, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries))).toEqual(entries);
  });

  it("rejects states that are not objects", () => {
    const bad = encodeAwarenessEntries([{ clientId: 1, clock: 1, state: null }]);
    bad[bad.length - 1] = "1".charCodeAt(0); // "null" → "nul1"
    expect(() => decodeAwarenessUpdate(bad)).toThrow();
    const array = encodeAwarenessEntries([{ clientId: 1, clock: 1, state: [] as unknown as Record<string, unknown> }]);
    expect(() => decodeAwarenessUpdate(array)).toThrow(/object/);
  });

  it("keeps only owned client ids and stamps the session identity over any claimed user", () => {
    const owned = new Set([7]);
    const result = sanitizeAwarenessEntries(
      [
        { clientId: 7, clock: 2, state: { user: { id: "someone-else", name: "Impostor" }, cursor: null } },
        { clientId: 8, clock: 1, state: { user: { name: "Not mine" } } },
        { clientId: 7, clock: 3, state: null },
      ],
      identity,
      (clientId) => owned.has(clientId),
    );
    expect(result).toEqual([
      { clientId: 7, clock: 2, state: { user: identity, cursor: null } },
      { clientId: 7, clock: 3, state: null },
    ]);
  });
});
