// Rule L2 in one tick with a verdict: an editor's update is queued, then a
// gated connection (a suggester: its update is applied by its verdict, which
// first applies and takes the updates batched before it) sends an update and
// then a malformed frame. Only the gated connection is closed; the editor's
// update is applied once; the tick does not throw (it once did: dropping the
// sender's entries by position left holes in the batch, and the TypeError
// escaped the tick as an uncaught exception, which stops the server).
// Found by test/integration/collab.frameFuzz.test.ts.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import { documentTextFromYDoc } from "../documents/documentState";
import { ExtensionRunner, type CollabExtension } from "./extension";
import type { Connection } from "./Connection";
import { Room } from "./Room";
import { fakeConnection, settle, stateOf, typist, updateFrame } from "./testing";

const quiet = { info: () => {}, error: () => {} };

describe("Room: a malformed frame after a verdict in the same tick", () => {
  it("closes only its sender and applies the others' updates", async () => {
    const editor = fakeConnection("editor");
    const gated = fakeConnection("suggester");
    let room: Room | undefined;
    const gate: CollabExtension = {
      name: "test-gate",
      beforeApplyUpdate: ({ connection, update }: { connection: Connection; update: Uint8Array }) =>
        connection === gated.connection
          ? { action: "applyWith", apply: () => (Y.applyUpdate(room!.doc, update), { ok: true as const }) }
          : undefined,
    };
    room = new Room("doc-1", new ExtensionRunner([gate]), quiet);
    await room.load();
    room.admit(editor.connection);
    room.admit(gated.connection);

    const alice = typist("Editor's line");
    const bob = typist("Suggested line");
    room.receive(editor.connection, updateFrame(stateOf(alice.doc)));
    room.receive(gated.connection, updateFrame(stateOf(bob.doc)));
    room.receive(gated.connection, new Uint8Array([0, 2, 200, 1, 2, 3]));
    await settle();

    expect(gated.socket.closedWith?.code).toBe(CloseCode.protocolError);
    expect(editor.socket.closedWith).toBeUndefined();
    expect(documentTextFromYDoc(room.doc).split("\n\n").sort()).toEqual(["Editor's line", "Suggested line"]);
  });
});
