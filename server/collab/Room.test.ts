// The room's protocol handling, with recorded sockets and an in-memory store
// (docs/SYNC.md rules B1, B2, S1, S3, L2). Integration tests cover the same
// rules over real sockets and PostgreSQL.
import { documentTextFromYDoc } from "../documents/documentState";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import { ExtensionRunner } from "./extension";
import { PersistenceExtension } from "./extensions/PersistenceExtension";
import { createMemoryDocumentStore } from "./memoryDocumentStore";
import { Room } from "./Room";
import { fakeConnection, settle, stateOf, typist, updateFrame } from "./testing";

const quiet = { info: () => {}, error: () => {} };

async function openRoom() {
  const store = createMemoryDocumentStore();
  const room = new Room("doc-1", new ExtensionRunner([new PersistenceExtension({ store, logger: quiet })]), quiet);
  await room.load();
  return { room, store };
}

describe("Room", () => {
  it("B1/B2: applies a tick's updates from several connections in one transaction and sends them as one message", async () => {
    const { room } = await openRoom();
    const a = fakeConnection();
    const b = fakeConnection();
    const watcher = fakeConnection();
    for (const { connection } of [a, b, watcher]) room.admit(connection);
    const alice = typist();
    const bob = typist();
    room.receive(a.connection, updateFrame(stateOf(alice.doc)));
    room.receive(b.connection, updateFrame(stateOf(bob.doc)));
    for (const update of alice.type("abc")) room.receive(a.connection, updateFrame(update));
    for (const update of bob.type("xyz")) room.receive(b.connection, updateFrame(update));
    let transactions = 0;
    room.doc.on("afterTransaction", () => transactions++);
    const sentBefore = watcher.socket.sent.length;
    await settle();

    expect(transactions).toBe(1);
    expect(watcher.socket.sent.length - sentBefore).toBe(1);
    const view = new Y.Doc();
    watcher.socket.applyReceived(view);
    expect(documentTextFromYDoc(view).split("\n\n").sort()).toEqual(["abc", "xyz"]);
  });

  it("B2: a burst longer than one tick yields to the event loop between ticks, even when each tick runs long", async () => {
    const { room } = await openRoom();
    const writer = fakeConnection();
    room.admit(writer.connection);
    const author = typist();
    room.receive(writer.connection, updateFrame(stateOf(author.doc)));
    await settle();
    // Every tick takes 25 ms (longer than a quiet room's 20 ms).
    room.doc.on("afterTransaction", () => {
      const until = performance.now() + 25;
      while (performance.now() < until);
    });
    for (const update of author.type("y".repeat(2000))) room.receive(writer.connection, updateFrame(update));
    // A callback queued for the next turn behind the burst runs before the burst is through:
    // the ticks did not chain as microtasks, which nothing else could interleave with.
    const textSeenNextTurn = await new Promise<string>((resolve) => setImmediate(() => resolve(documentTextFromYDoc(room.doc))));
    expect(textSeenNextTurn.length).toBeLessThan(2000);
    await settle(10);
    expect(documentTextFromYDoc(room.doc)).toBe("y".repeat(2000));
  });

  it("S1: a connection's frames are applied in the order it sent them, across ticks", async () => {
    const { room } = await openRoom();
    const writer = fakeConnection();
    const watcher = fakeConnection();
    room.admit(writer.connection);
    room.admit(watcher.connection);
    const author = typist();
    room.receive(writer.connection, updateFrame(stateOf(author.doc)));
    // More than one tick's worth (512 frames), so the rest waits for the next ticks.
    const text = "x".repeat(1500);
    for (const update of author.type(text)) room.receive(writer.connection, updateFrame(update));
    await settle(10);
    const view = new Y.Doc();
    watcher.socket.applyReceived(view);
    expect(documentTextFromYDoc(view)).toBe(text);
    expect(documentTextFromYDoc(room.doc)).toBe(text);
  });

  it("B2: the only sender of a batch does not get its own updates back; with several senders everyone gets the batch", async () => {
    const { room } = await openRoom();
    const a = fakeConnection();
    const b = fakeConnection();
    room.admit(a.connection);
    room.admit(b.connection);
    const afterAdmit = a.socket.sent.length;
    room.receive(a.connection, updateFrame(stateOf(typist("solo").doc)));
    await settle();
    expect(a.socket.sent.length).toBe(afterAdmit);
    expect(b.socket.sent.length).toBeGreaterThan(afterAdmit);

    const beforeMixed = a.socket.sent.length;
    room.receive(a.connection, updateFrame(stateOf(typist("one").doc)));
    room.receive(b.connection, updateFrame(stateOf(typist("two").doc)));
    await settle();
    expect(a.socket.sent.length).toBe(beforeMixed + 1);
  });

  it("L2: a malformed update closes its sender with 1002; the others' updates of the same tick are applied", async () => {
    const { room } = await openRoom();
    const good = fakeConnection();
    const bad = fakeConnection();
    room.admit(good.connection);
    room.admit(bad.connection);
    room.receive(good.connection, updateFrame(stateOf(typist("kept").doc)));
    room.receive(bad.connection, updateFrame(new Uint8Array([0, 1, 2, 250, 255, 3])));
    await settle();
    expect(bad.socket.closedWith?.code).toBe(CloseCode.protocolError);
    expect(good.socket.closedWith).toBeUndefined();
    expect(documentTextFromYDoc(room.doc)).toBe("kept");
  });

  it("B1: frames still queued when a socket closes are applied and stored", async () => {
    const { room, store } = await openRoom();
    const leaver = fakeConnection();
    room.admit(leaver.connection);
    const author = typist();
    room.receive(leaver.connection, updateFrame(stateOf(author.doc)));
    for (const update of author.type("bye")) room.receive(leaver.connection, updateFrame(update));
    room.remove(leaver.connection);
    expect(documentTextFromYDoc(room.doc)).toBe("bye");
    await room.store("unload");
    const reloaded = new Y.Doc();
    for (const update of (await store.load("doc-1")).updates) Y.applyUpdate(reloaded, update);
    expect(documentTextFromYDoc(reloaded)).toBe("bye");
  });

  it("S3: stores each client's update under its sender, and a server edit under the person it was made for", async () => {
    const { room, store } = await openRoom();
    const a = fakeConnection("editor", "ayse");
    const b = fakeConnection("editor", "daniel");
    room.admit(a.connection);
    room.admit(b.connection);
    room.receive(a.connection, updateFrame(stateOf(typist("from ayse").doc)));
    room.receive(b.connection, updateFrame(stateOf(typist("from daniel").doc)));
    await settle();
    room.applyServerEdit("maria", (doc) => doc.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]));
    await room.store("request");
    expect(store.rows("doc-1").map((row) => row.authorId).sort()).toEqual(["ayse", "daniel", "maria"]);
  });
});
