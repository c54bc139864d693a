// SYNC.md rule S4: a client waiting for a room that loads from a snapshot is
// sent the stored state at once, and is not sent it a second time when it
// asks for what it lacks.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeSyncUpdate, MessageType, SyncMessageType } from "../../server/collab/protocol";
import { documentTextFromYDoc } from "../../server/documents/documentState";
import { openRawSocket } from "../support/rawSocket";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type SyncFrame = { syncType: number; payload: Uint8Array; bytes: number };

/** The sync frames among the recorded ones, decoded (awareness and events skipped). */
function syncFrames(frames: Uint8Array[]): SyncFrame[] {
  const found: SyncFrame[] = [];
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
    const syncType = decoding.readVarUint(decoder);
    found.push({ syncType, payload: decoding.readVarUint8Array(decoder), bytes: frame.byteLength });
  }
  return found;
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

describe("loading a stored document", () => {
  const harness = useTestServer();

  it("S4: a client waiting for the room gets the stored snapshot first, and only what lies beyond it when it asks", async () => {
    const user = await createTestUser("analyst");
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: the delegations met again at the palace on the Bosphorus.`);

    const writer = harness.connect(document.id, cookie);
    await writer.waitSynced();
    for (const paragraph of paragraphs) writer.appendParagraph(paragraph);
    await waitFor(() => (harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length ?? 0) === paragraphs.length, {
      message: "the server to have every paragraph",
    });
    writer.destroy();
    // The last connection left: the room stores a snapshot and unloads.
    await waitFor(() => !harness.server.collab.rooms.has(document.id), { message: "the room to unload" });

    // A fresh client that has sent nothing yet.
    const reader = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
    await reader.opened;
    await waitFor(() => syncFrames(reader.frames).length >= 2, { message: "the server's first sync messages" });
    const [first] = syncFrames(reader.frames);
    expect(first!.syncType).toBe(SyncMessageType.step2);
    const local = new Y.Doc();
    Y.applyUpdate(local, first!.payload);
    expect(documentTextFromYDoc(local)).toBe(paragraphs.join("\n\n"));

    // Asked with an empty state vector, as a fresh client asks: the answer holds nothing it already has.
    const before = reader.frames.length;
    reader.socket.send(syncStep1(new Y.Doc()));
    await waitFor(() => syncFrames(reader.frames.slice(before)).some((frame) => frame.syncType === SyncMessageType.step2), {
      message: "the answer to sync step 1",
    });
    const answer = syncFrames(reader.frames.slice(before)).find((frame) => frame.syncType === SyncMessageType.step2)!;
    expect(answer.bytes).toBeLessThan(first!.bytes / 20);
    Y.applyUpdate(local, answer.payload);
    expect(documentTextFromYDoc(local)).toBe(paragraphs.join("\n\n"));

    // It is an ordinary connection from then on: an edit it sends reaches the room.
    local.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
    reader.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVectorFromUpdate(first!.payload))));
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === paragraphs.length + 1, {
      message: "the reader's edit to reach the room",
    });
    reader.socket.close();
  });
});
