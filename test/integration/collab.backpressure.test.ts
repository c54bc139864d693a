// SYNC.md rules B3 and L3: a client that stops reading is skipped instead of
// buffered without bound, and caught up with one state diff once it reads
// again; one that stays behind too long is closed with 1001, reconnects and
// re-syncs.
import type { Socket } from "node:net";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { MAX_BYTES_PER_TICK } from "../../server/collab/Room";
import { BEHIND_BUFFERED_BYTES, MAX_BEHIND_MS } from "../../server/collab/RoomFanOut";
import type { Connection } from "../../server/collab/Connection";
import { createMemoryDocumentStore } from "../../server/collab/memoryDocumentStore";
import type { CollabClient } from "../support/collabClient";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

const PARAGRAPH_BYTES = 100 * 1024;
/** Far more than loopback's kernel buffers (a few MiB) plus BEHIND_BUFFERED_BYTES. */
const PARAGRAPHS = 160;
const WRITTEN_BYTES = PARAGRAPH_BYTES * PARAGRAPHS;

/** The client's TCP socket: pausing it stops reading, so the kernel buffers fill and then the server's. */
const tcpSocketOf = (client: CollabClient) => (client.provider.ws as unknown as { _socket: Socket })._socket;

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
/** The document body as XML (cheaper than the editor's text for 16 MiB, and just as exact). */
const bodyOf = (client: CollabClient) => client.doc.getXmlFragment("default").toString();

function paragraphText(index: number): string {
  const head = `Paragraph ${index}: `;
  return head + String.fromCharCode(97 + (index % 26)).repeat(PARAGRAPH_BYTES - head.length);
}

describe("back-pressure", () => {
  // Keep-alive would end a socket that reads nothing for two intervals; these tests are about B3/L3 alone.
  // Sessions and access are PostgreSQL's as everywhere; the document store is the in-memory one
  // (it keeps the same contract, documentStoreContract.ts): snapshotting and versioning two 16 MiB
  // documents in PostgreSQL at unload takes longer than the rest of this file, and persistence has
  // its own tests.
  const harness = useTestServer({ keepAliveMs: 120_000, store: createMemoryDocumentStore() });

  async function setUp() {
    const [writerUser, slowUser] = await Promise.all([createTestUser(), createTestUser()]);
    const document = await createTestDocument(writerUser, [{ id: slowUser.id, role: "editor" }]);
    const writer = harness.connect(document.id, await sessionCookie(writerUser));
    const slow = harness.connect(document.id, await sessionCookie(slowUser));
    await Promise.all([writer.waitSynced(), slow.waitSynced()]);
    writer.appendParagraph("Before the slow client stopped reading.");
    await waitFor(() => slow.text() === "Before the slow client stopped reading.", { message: "the first paragraph" });
    const room = harness.server.collab.rooms.get(document.id)!;
    const slowConnection = () => [...room.connections].find((connection) => connection.user.id === slowUser.id);
    return { document, writer, slow, room, slowConnection };
  }

  /** Writes WRITTEN_BYTES in PARAGRAPHS updates and waits until the server has applied them all. */
  async function writeALot(writer: CollabClient, room: { doc: Y.Doc }) {
    for (let i = 0; i < PARAGRAPHS; i++) writer.appendParagraph(paragraphText(i));
    await waitFor(() => sameState(room.doc, writer.doc), { timeout: 30_000, interval: 50, message: "the server to apply every paragraph" });
  }

  /** Samples the server's view of one connection while `during` runs. */
  async function watchConnection(connection: () => Connection | undefined, during: () => Promise<void>) {
    let maxBuffered = 0;
    let fellBehind = false;
    const sampler = setInterval(() => {
      const current = connection();
      if (!current) return;
      maxBuffered = Math.max(maxBuffered, current.bufferedAmount);
      if (current.behindFrom !== null) fellBehind = true;
    }, 5);
    try {
      await during();
    } finally {
      clearInterval(sampler);
    }
    return { maxBuffered, fellBehind };
  }

  it("B3/L3: a client that stops reading is skipped, not buffered, and caught up with everything once it reads again", { timeout: 60_000 }, async () => {
    const { writer, slow, room, slowConnection } = await setUp();
    const slowSocket = tcpSocketOf(slow);
    slowSocket.pause();
    const { maxBuffered, fellBehind } = await watchConnection(slowConnection, () => writeALot(writer, room));

    // Internal observation: the server marked it behind rather than queueing 16 MiB for it.
    expect(fellBehind).toBe(true);
    expect(slowConnection()!.behindFrom).not.toBeNull();
    // Outcome: what the server holds for the client is bounded by the 1 MiB threshold plus one
    // tick's batch (about 1 MiB of the writer's frames), not by how much was written while it was
    // slow; without B3 it would hold everything the kernel buffers could not (over 10 MiB here).
    const bound = BEHIND_BUFFERED_BYTES + MAX_BYTES_PER_TICK + 512 * 1024;
    expect(maxBuffered).toBeGreaterThan(BEHIND_BUFFERED_BYTES);
    expect(maxBuffered).toBeLessThan(bound);
    expect(slowConnection()!.bufferedAmount).toBeLessThan(bound);
    expect(bound).toBeLessThan(WRITTEN_BYTES / 5);

    slowSocket.resume();
    await waitFor(() => sameState(slow.doc, writer.doc), { timeout: 30_000, interval: 50, message: "the slow client to catch up" });
    await waitFor(() => slowConnection()?.behindFrom === null, { message: "the server to count it in step again" });
    expect(bodyOf(slow) === bodyOf(writer)).toBe(true);
    expect(slow.closes).toEqual([]);

    // In step again: the next edit reaches it as an ordinary batch.
    writer.appendParagraph("After the catch-up.");
    await waitFor(() => sameState(slow.doc, writer.doc), { message: "the next edit" });
    expect(bodyOf(slow).endsWith("<paragraph>After the catch-up.</paragraph>")).toBe(true);
  });

  it(`L3: a client still behind after MAX_BEHIND_MS is closed with 1001, reconnects and re-syncs`, { timeout: 60_000 }, async () => {
    const { writer, slow, room, slowConnection } = await setUp();
    const slowSocket = tcpSocketOf(slow);
    slowSocket.pause();
    await writeALot(writer, room);
    const behind = slowConnection()!;
    expect(behind.behindFrom).not.toBeNull();

    // MAX_BEHIND_MS is 30 s; instead of waiting, date the connection's fall back by that much
    // (the server's own catch-up check, every 50 ms, then finds it too late).
    behind.behindSince -= MAX_BEHIND_MS + 1;
    await waitFor(() => behind.socket.readyState !== behind.socket.OPEN, { message: "the server to close the slow connection" });

    slowSocket.resume();
    await waitFor(() => slow.closes.length > 0, { timeout: 15_000, message: "the client to read up to the close frame" });
    expect(slow.closes[0]!.code).toBe(CloseCode.goingAway);
    // y-websocket reconnects (1001 is not a 44xx code) and re-syncs the whole document.
    await waitFor(() => slow.provider.synced && sameState(slow.doc, writer.doc), { timeout: 30_000, interval: 50, message: "the re-sync" });
    expect(bodyOf(slow) === bodyOf(writer)).toBe(true);
  });
});
