// SYNC.md rules B1, B2, S1: frames are processed in ticks and sent as one
// merged batch per tick. A burst of thousands of tiny updates arrives intact,
// in order, and stored; writers that close mid-batch lose nothing; the only
// sender of a batch does not get its own updates back.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { getPrisma } from "../../server/db/prisma";
import { documentTextFromYDoc } from "../../server/documents/documentState";
import { openRawSocket, type RawSocket } from "../support/rawSocket";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

const SYNC = 0;

/**
 * A bare socket speaking y-websocket's sync protocol with its own Y.Doc: it
 * applies every sync message it receives, counts the update messages, and
 * sends exactly the frames the test asks for (no handshake of its own).
 */
class RawPeer {
  readonly doc = new Y.Doc();
  readonly raw: RawSocket;
  /** Sync updates (not step 1/2) received from the server, in order. */
  readonly updatesReceived: Uint8Array[] = [];
  /** Every update this peer's own edits produced, in order. */
  readonly localUpdates: Uint8Array[] = [];

  constructor(url: string, cookie: string) {
    this.raw = openRawSocket(url, cookie);
    this.raw.socket.on("message", (data: Buffer) => this.receive(new Uint8Array(data)));
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.localUpdates.push(update);
    });
  }

  /** Resolves once the server admitted the socket (its sync step 1 arrived). */
  async admitted(): Promise<void> {
    await this.raw.opened;
    await waitFor(() => this.raw.frames.length > 0, { message: "the server's sync step 1" });
  }

  get text(): string {
    return documentTextFromYDoc(this.doc);
  }

  get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  }

  send(update: Uint8Array): void {
    this.raw.socket.send(syncUpdateFrame(update));
  }

  close(): void {
    this.raw.socket.close();
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== SYNC) return;
    if (frame[1] === syncProtocol.messageYjsUpdate) this.updatesReceived.push(frame);
    // Step 1 writes a step 2 reply into the encoder; this peer does not answer.
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, this);
  }
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Types `count` characters into a new paragraph of `doc`, one transaction
 * (one update) per character, at positions that wander over the text so the
 * result depends on every update's place. Returns the paragraph's text.
 */
function typeOneByOne(doc: Y.Doc, count: number, alphabet: string): string {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph]);
  for (let i = 0; i < count; i++) {
    const position = i % 7 === 3 ? (i * 31) % (text.length + 1) : text.length;
    text.insert(position, alphabet[i % alphabet.length]!);
  }
  return text.toString();
}

async function logRows(documentId: string) {
  return getPrisma().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { id: true, authorId: true, update: true } });
}

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe("batching", () => {
  const harness = useTestServer();
  const peers: RawPeer[] = [];
  const peer = (documentId: string, cookie: string) => {
    const created = new RawPeer(`${harness.server.wsUrl}/${documentId}`, cookie);
    peers.push(created);
    return created;
  };
  const cleanupPeers = () => {
    for (const created of peers.splice(0)) created.raw.socket.terminate();
  };

  it("B1/B2/S1: a burst of 5,000 one-character updates reaches a watcher intact and in order, merged, and is stored", { timeout: 60_000 }, async () => {
    try {
      const [writerUser, watcherUser] = await Promise.all([createTestUser(), createTestUser()]);
      const document = await createTestDocument(writerUser, [{ id: watcherUser.id, role: "editor" }]);
      const watcherCookie = await sessionCookie(watcherUser);
      const watcher = harness.connect(document.id, watcherCookie);
      const counter = peer(document.id, watcherCookie);
      const writer = peer(document.id, await sessionCookie(writerUser));
      await Promise.all([watcher.waitSynced(), counter.admitted(), writer.admitted()]);

      const typed = typeOneByOne(writer.doc, 5000, "abcdefghijklmnopqrstuvwxyz0123456789");
      const updates = writer.localUpdates.splice(0);
      expect(updates).toHaveLength(5001); // the paragraph, then one per character
      // The whole burst in one go: every frame is written before the server reads any.
      for (const update of updates) writer.send(update);

      const expected = writer.text;
      expect(expected).toBe(typed);
      await waitFor(() => watcher.text() === expected, { timeout: 30_000, message: "the watcher to converge on the writer's text" });
      await waitFor(() => counter.text === expected, { timeout: 30_000, message: "the raw watcher to converge" });
      expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(writer.doc));

      // B2: the burst went out merged, not one message per keystroke.
      expect(counter.updatesReceived.length).toBeGreaterThan(0);
      expect(counter.updatesReceived.length).toBeLessThan(updates.length / 10);

      // P1: every update is in the log (merged per author within a write-behind batch).
      await harness.server.collab.rooms.get(document.id)!.store("request");
      const rows = await logRows(document.id);
      expect(rows.length).toBeLessThan(updates.length / 10);
      const stored = docFrom(rows.map((row) => row.update));
      expect(documentTextFromYDoc(stored)).toBe(expected);
      expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(writer.doc));
      expect(new Set(rows.map((row) => row.authorId))).toEqual(new Set([writerUser.id]));
    } finally {
      cleanupPeers();
    }
  });

  it("B1: writers that close right after their last frame lose nothing, live or stored", { timeout: 60_000 }, async () => {
    try {
      const users = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser(), createTestUser()]);
      const [watcherUser, ...writerUsers] = users;
      const document = await createTestDocument(watcherUser!, writerUsers.map((user) => ({ id: user.id, role: "editor" as const })));
      const watcherCookie = await sessionCookie(watcherUser!);
      const watcher = harness.connect(document.id, watcherCookie);
      const writers = await Promise.all(writerUsers.map(async (user) => peer(document.id, await sessionCookie(user))));
      await Promise.all([watcher.waitSynced(), ...writers.map((writer) => writer.admitted())]);

      const alphabets = ["abcdefgh", "ijklmnop", "qrstuvwx", "ABCDEFGH"];
      const typed = writers.map((writer, index) => typeOneByOne(writer.doc, 1500, alphabets[index]!));
      const bursts = writers.map((writer) => writer.localUpdates.splice(0));
      // Each writer sends its burst and closes at once, without waiting for anything.
      writers.forEach((writer, index) => {
        for (const update of bursts[index]!) writer.send(update);
        writer.close();
      });

      const reference = docFrom(bursts.flat());
      const expected = documentTextFromYDoc(reference);
      for (const text of typed) expect(expected).toContain(text);
      await waitFor(() => watcher.text() === expected, { timeout: 30_000, message: "the watcher to have every writer's text" });
      await Promise.all(writers.map((writer) => writer.raw.closed));

      // Stored: the room unloads once the watcher leaves, and a new client loads what was stored.
      watcher.provider.disconnect();
      await waitFor(() => !harness.server.collab.rooms.has(document.id), { timeout: 15_000, message: "the room to unload" });
      const reader = harness.connect(document.id, watcherCookie);
      await reader.waitSynced();
      await waitFor(() => reader.text() === expected, { timeout: 15_000, message: "a new client to load every character" });
      expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(reference));

      // The log credits each writer with exactly its own updates.
      const rows = await logRows(document.id);
      writerUsers.forEach((user, index) => {
        const own = docFrom(rows.filter((row) => row.authorId === user.id).map((row) => row.update));
        expect(documentTextFromYDoc(own)).toBe(typed[index]);
      });
    } finally {
      cleanupPeers();
    }
  });

  it("B1: what a socket sent before it was admitted is applied and stored even when it closed while the room loaded", { timeout: 30_000 }, async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const early = new Y.Doc();
    const typed = typeOneByOne(early, 20, "tab closed at once ");
    const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
    await raw.opened;
    // Sent at once on open, as y-websocket does with what was typed offline, then the tab closes.
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(early)));
    raw.socket.close();
    await raw.closed;
    await waitFor(async () => !harness.server.collab.rooms.has(document.id) && (await logRows(document.id)).length > 0, {
      timeout: 15_000,
      message: "the early update to be stored and the room to unload",
    });
    const reader = harness.connect(document.id, cookie);
    await reader.waitSynced();
    expect(reader.text()).toBe(typed);
  });

  it("B2: the only sender of a batch does not get its own updates back; everyone else does", { timeout: 30_000 }, async () => {
    try {
      const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
      const document = await createTestDocument(a, [{ id: b.id, role: "editor" }]);
      const writer = peer(document.id, await sessionCookie(a));
      const other = peer(document.id, await sessionCookie(b));
      await Promise.all([writer.admitted(), other.admitted()]);

      typeOneByOne(writer.doc, 300, "xyz");
      for (const update of writer.localUpdates.splice(0)) writer.send(update);
      await waitFor(() => other.text === writer.text, { timeout: 15_000, message: "the other peer to receive the burst" });
      expect(other.updatesReceived.length).toBeGreaterThan(0);

      // The other peer answers with one edit of its own. When it arrives, anything the
      // server had sent the writer before it (its own burst echoed) would have arrived too.
      const otherBefore = other.updatesReceived.length;
      const marker = new Y.XmlElement("paragraph");
      marker.insert(0, [new Y.XmlText("Marker from the other peer.")]);
      other.fragment.push([marker]);
      for (const update of other.localUpdates.splice(0)) other.send(update);
      await waitFor(() => writer.text.includes("Marker from the other peer."), { message: "the writer to receive the marker" });
      expect(writer.updatesReceived).toHaveLength(1);

      // And the other way round: the writer's reply reaches the other peer, which never got its marker back.
      const reply = new Y.XmlElement("paragraph");
      reply.insert(0, [new Y.XmlText("Reply from the writer.")]);
      writer.fragment.push([reply]);
      for (const update of writer.localUpdates.splice(0)) writer.send(update);
      await waitFor(() => other.text.includes("Reply from the writer."), { message: "the other peer to receive the reply" });
      expect(other.updatesReceived.length).toBe(otherBefore + 1);
      expect(writer.text).toBe(other.text);
      expect(writer.updatesReceived).toHaveLength(1);
    } finally {
      cleanupPeers();
    }
  });
});
