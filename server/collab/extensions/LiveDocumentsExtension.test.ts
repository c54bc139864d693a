// Rule H1: a server edit issued through the process seam edits the open
// room's document (connected clients receive it) and is stored under the
// person who asked for it.
import { documentTextFromYDoc } from "../../documents/documentState";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabServerHandle } from "../extension";
import { ExtensionRunner } from "../extension";
import { findLiveDocument } from "../liveDocuments";
import { createMemoryDocumentStore } from "../memoryDocumentStore";
import { Room } from "../Room";
import { replaceContentAsEdit } from "../serverEdits";
import { fakeConnection, settle } from "../testing";
import { LiveDocumentsExtension } from "./LiveDocumentsExtension";
import { PersistenceExtension } from "./PersistenceExtension";

const quiet = { info: () => {}, error: () => {} };

describe("LiveDocumentsExtension (H1)", () => {
  it("restores content as an edit that connected clients receive and the log credits to the restorer", async () => {
    const store = createMemoryDocumentStore();
    const live = new LiveDocumentsExtension();
    const room = new Room("doc-live", new ExtensionRunner([new PersistenceExtension({ store, logger: quiet }), live]), quiet);
    await room.load();
    const watcher = fakeConnection();
    room.admit(watcher.connection);
    const handle = { rooms: new Map([["doc-live", room]]), openRoom: async () => room, releaseRoom: async () => {}, closing: false };
    const uninstall = live.onConfigure(handle as unknown as CollabServerHandle);

    expect(findLiveDocument("doc-live")).toBe(room.doc);
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Restored text" }] }] };
    await replaceContentAsEdit("doc-live", "maria", content);
    await settle();

    expect(documentTextFromYDoc(room.doc)).toBe("Restored text");
    const view = new Y.Doc();
    watcher.socket.applyReceived(view);
    expect(documentTextFromYDoc(view)).toBe("Restored text");
    expect(store.rows("doc-live").map((row) => row.authorId)).toEqual(["maria"]);
    uninstall();
    expect(findLiveDocument("doc-live")).toBeUndefined();
    room.destroy();
  });
});
