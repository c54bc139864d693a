// Rule L5 in a room without sockets: updates past the cap are refused and the
// sender is told; the size is tracked per update and measured exactly only
// near the cap.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_EVENT_MESSAGE } from "../../../lib/review/reviewTypes";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection, settle, stateOf, typist, updateFrame } from "../testing";
import { DocumentSizeLimitExtension } from "./DocumentSizeLimitExtension";

const quiet = { info: () => {}, error: () => {} };

describe("DocumentSizeLimitExtension (L5)", () => {
  it("applies updates up to the cap and refuses the one that would pass it", async () => {
    const room = new Room("doc-size", new ExtensionRunner([new DocumentSizeLimitExtension(4096)]), quiet);
    const { connection, socket } = fakeConnection("editor");
    room.admit(connection);
    const writer = typist();
    room.receive(connection, updateFrame(stateOf(writer.doc)));
    for (const update of writer.type("a".repeat(100))) room.receive(connection, updateFrame(update));
    await settle();
    expect(room.doc.getXmlFragment("default").toString()).toContain("a".repeat(100));
    expect(socket.messageTypes()).not.toContain(DOCUMENT_EVENT_MESSAGE);

    const big = new Y.Doc();
    big.getXmlFragment("default").insert(0, [new Y.XmlText("b".repeat(5000))]);
    room.receive(connection, updateFrame(Y.encodeStateAsUpdate(big)));
    await settle();
    expect(socket.messageTypes()).toContain(DOCUMENT_EVENT_MESSAGE);
    expect(room.doc.getXmlFragment("default").toString()).not.toContain("bbbb");
    room.destroy();
  });

  it("measures again before refusing: many small updates merge into less than their sum", async () => {
    // 300 keystrokes cost far more as separate updates than as one state.
    const writer = typist();
    const updates = [stateOf(writer.doc), ...writer.type("c".repeat(300))];
    const sum = updates.reduce((total, update) => total + update.byteLength, 0);
    const exact = Y.encodeStateAsUpdate(writer.doc).byteLength;
    expect(exact * 2).toBeLessThan(sum / 2);

    // The cap is large enough that a sixteenth of it lets the bound be measured again without waiting a second.
    const room = new Room("doc-size-2", new ExtensionRunner([new DocumentSizeLimitExtension(exact * 2)]), quiet);
    const { connection, socket } = fakeConnection("editor");
    room.admit(connection);
    for (const update of updates) {
      // One tick per keystroke: each is its own change, as when someone types.
      room.receive(connection, updateFrame(update));
      await settle();
    }
    expect(socket.messageTypes()).not.toContain(DOCUMENT_EVENT_MESSAGE);
    expect(room.doc.getXmlFragment("default").toString()).toContain("c".repeat(300));
    room.destroy();
  });
});
