// Rule H1 and E1 through the sync bridge, on one node: a server edit issued
// by a route handler edits the open room's document (connected clients
// receive it) and is stored under the person who asked for it; the bridge
// answers with the open room's state as data (never the live Y.Doc); review
// events reach the room's connections.
import { documentTextFromYDoc } from "../../documents/documentState";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_EVENT_MESSAGE } from "../../../lib/review/reviewTypes";
import { publishDocumentEvent } from "../documentEvents";
import type { CollabServerHandle } from "../extension";
import { ExtensionRunner } from "../extension";
import { createMemoryDocumentStore } from "../memoryDocumentStore";
import { Room } from "../Room";
import { readLiveDocumentState, replaceContentAsEdit } from "../serverEdits";
import { syncBridge } from "../syncBridge";
import { fakeConnection, settle } from "../testing";
import { DocumentEventsExtension } from "./DocumentEventsExtension";
import { PersistenceExtension } from "./PersistenceExtension";
import { SyncBridgeExtension } from "./SyncBridgeExtension";

const quiet = { info: () => {}, error: () => {} };

function roomWithBridge(documentId: string) {
  const store = createMemoryDocumentStore();
  const persistence = new PersistenceExtension({ store, logger: quiet });
  const documentEvents = new DocumentEventsExtension();
  const bridge = new SyncBridgeExtension({ documentEvents, persistence });
  const room = new Room(documentId, new ExtensionRunner([persistence, documentEvents, bridge]), quiet);
  const handle = { rooms: new Map([[documentId, room]]), openRoom: async () => room, releaseRoom: async () => {}, closing: false };
  const undo = [documentEvents.onConfigure(handle as unknown as CollabServerHandle), bridge.onConfigure(handle as unknown as CollabServerHandle)];
  return { room, store, uninstall: () => undo.forEach((fn) => fn()) };
}

describe("SyncBridgeExtension", () => {
  it("H1: restores content as an edit that connected clients receive and the log credits to the restorer", async () => {
    const { room, store, uninstall } = roomWithBridge("doc-live");
    await room.load();
    const watcher = fakeConnection();
    room.admit(watcher.connection);

    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Restored text" }] }] };
    await replaceContentAsEdit("doc-live", "maria", content);
    await settle();

    expect(documentTextFromYDoc(room.doc)).toBe("Restored text");
    const view = new Y.Doc();
    watcher.socket.applyReceived(view);
    expect(documentTextFromYDoc(view)).toBe("Restored text");
    expect(store.rows("doc-live").map((row) => row.authorId)).toEqual(["maria"]);

    // The open room's content crosses as an encoded state, a copy.
    const state = await readLiveDocumentState("doc-live");
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state!);
    expect(documentTextFromYDoc(copy)).toBe("Restored text");
    expect(await readLiveDocumentState("not-open")).toBeNull();
    expect(syncBridge()?.health()).toEqual({ mode: "single" });

    uninstall();
    expect(syncBridge()).toBeUndefined();
    expect(await readLiveDocumentState("doc-live")).toBeNull();
    room.destroy();
  });

  it("E1: delivers published events to the room's connections, and nothing once uninstalled", async () => {
    const { room, uninstall } = roomWithBridge("doc-events");
    await room.load();
    const a = fakeConnection();
    const b = fakeConnection();
    room.admit(a.connection);
    room.admit(b.connection);
    publishDocumentEvent("doc-events", { type: "document", title: "Istanbul talks", reviewMode: false, status: "draft" });
    await settle();
    expect(a.socket.messageTypes()).toContain(DOCUMENT_EVENT_MESSAGE);
    expect(b.socket.messageTypes()).toContain(DOCUMENT_EVENT_MESSAGE);
    uninstall();
    const before = a.socket.sent.length;
    publishDocumentEvent("doc-events", { type: "document", title: "Istanbul talks", reviewMode: false, status: "draft" });
    await settle();
    expect(a.socket.sent.length).toBe(before);
    room.destroy();
  });
});
