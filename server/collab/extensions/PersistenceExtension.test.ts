// Rules P1, P4 and S3 with the in-memory store: accepted updates are logged
// with their authors, loaded and relayed ones are not, and the log is
// compacted into a snapshot after enough rows.
import { documentTextFromYDoc } from "../../documents/documentState";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ExtensionRunner } from "../extension";
import { createMemoryDocumentStore } from "../memoryDocumentStore";
import { RemoteOrigin } from "../origins";
import { Room } from "../Room";
import { fakeConnection, settle, stateOf, typist, updateFrame } from "../testing";
import { PersistenceExtension } from "./PersistenceExtension";

const quiet = { info: () => {}, error: () => {} };

function roomWith(store = createMemoryDocumentStore(), options: { compactAfterRows?: number } = {}) {
  const extension = new PersistenceExtension({ store, logger: quiet, minSnapshotIntervalMs: 0, ...options });
  return { room: new Room("doc", new ExtensionRunner([extension]), quiet), store, extension };
}

describe("PersistenceExtension", () => {
  it("P1/S3: logs what clients sent under their authors; never stores the load or another node's updates", async () => {
    const { room, store, extension } = roomWith();
    await room.load();
    const { connection } = fakeConnection("editor", "ayse");
    room.admit(connection);
    room.receive(connection, updateFrame(stateOf(typist("typed here").doc)));
    await settle();
    Y.transact(room.doc, () => Y.applyUpdate(room.doc, stateOf(typist("from node B").doc)), new RemoteOrigin("node-b"));
    await room.store("request");
    expect(store.rows("doc").map((row) => row.authorId)).toEqual(["ayse"]);

    await room.store("unload");
    extension.afterUnloadDocument({ room });
    room.destroy();
    const again = roomWith(store);
    await again.room.load();
    await again.room.store("unload");
    expect(store.rows("doc")).toHaveLength(1);
    expect(documentTextFromYDoc(again.room.doc).split("\n\n").sort()).toEqual(["from node B", "typed here"]);
    again.room.destroy();
  });

  it("P4: writes a snapshot covering the log once enough rows were appended, and loads from it", async () => {
    const { room, store } = roomWith(createMemoryDocumentStore(), { compactAfterRows: 3 });
    await room.load();
    const { connection } = fakeConnection();
    room.admit(connection);
    const author = typist();
    room.receive(connection, updateFrame(stateOf(author.doc)));
    for (const char of "abcd") {
      for (const update of author.type(char)) room.receive(connection, updateFrame(update));
      await settle();
      await room.store("request");
    }
    await settle();
    const snapshot = store.snapshot("doc");
    expect(snapshot?.upToUpdateId).toBeGreaterThanOrEqual(3n);
    const loaded = await store.load("doc");
    const copy = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(copy, update);
    expect(documentTextFromYDoc(copy)).toBe("abcd");
    expect(store.rows("doc").length).toBeGreaterThanOrEqual(4);
    room.destroy();
  });
});
