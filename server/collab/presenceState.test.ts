// Rule A4/A7: presence states are rebuilt from the fields the editor uses.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { isRelativePositionJson, jsonSizeExceeds, presenceStateFrom } from "./presenceState";

const identity = { id: "u1", name: "Ayşe Demir", color: "#1f77b4" };

function realPosition(): unknown {
  const doc = new Y.Doc();
  const text = new Y.XmlText("Istanbul");
  doc.getXmlFragment("default").insert(0, [text]);
  return JSON.parse(JSON.stringify(Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 3, -1))));
}

describe("presence states", () => {
  it("keeps a cursor of two relative positions as Yjs writes them, and the session's user", () => {
    const position = realPosition();
    const state = presenceStateFrom({ user: { name: "Someone else" }, cursor: { anchor: position, head: position }, avatar: "x".repeat(1000) }, identity);
    expect(state).toEqual({ user: identity, cursor: { anchor: position, head: position } });
    // The caret plugin can read it back.
    expect(() => Y.createRelativePositionFromJSON(state.cursor!.anchor)).not.toThrow();
    expect(presenceStateFrom({ cursor: null }, identity)).toEqual({ user: identity, cursor: null });
    expect(isRelativePositionJson({ tname: "default", assoc: 0 })).toBe(true);
    // The caret plugin puts the RelativePosition object itself in awareness: absent fields are null.
    const serialised = JSON.parse(JSON.stringify(Y.createRelativePositionFromJSON(position))) as unknown;
    expect(serialised).toHaveProperty("tname", null);
    expect(presenceStateFrom({ cursor: { anchor: serialised, head: serialised } }, identity).cursor).toEqual({ anchor: serialised, head: serialised });
    expect(isRelativePositionJson({ type: null, tname: null, item: null, assoc: 0 })).toBe(false);
  });

  it("drops a cursor that is not two valid relative positions", () => {
    const position = realPosition();
    for (const cursor of [
      { anchor: null },
      { anchor: position },
      { anchor: position, head: "here" },
      { anchor: position, head: {} },
      { anchor: position, head: { item: { client: -1, clock: 0 } } },
      { anchor: position, head: { item: { client: 1, clock: 0.5 } } },
      { anchor: position, head: { item: { client: 1, clock: 1, extra: true } } },
      { anchor: position, head: { tname: "x".repeat(65) } },
      { anchor: position, head: { tname: "default", assoc: 7 } },
      { anchor: position, head: { tname: "default", evil: "<script>" } },
      [position, position],
      "cursor",
    ]) {
      expect(presenceStateFrom({ cursor }, identity), JSON.stringify(cursor)).toEqual({ user: identity });
    }
  });

  it("measures a state's size without walking all of a huge one", () => {
    expect(jsonSizeExceeds({ user: identity, cursor: { anchor: realPosition(), head: realPosition() } }, 4096)).toBe(false);
    expect(jsonSizeExceeds({ junk: "x".repeat(5000) }, 4096)).toBe(true);
    expect(jsonSizeExceeds({ list: Array.from({ length: 100_000 }, () => 1) }, 4096)).toBe(true);
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 2000; i++) node = (node.next = {}) as Record<string, unknown>;
    expect(jsonSizeExceeds(deep, 4096)).toBe(true);
  });
});
