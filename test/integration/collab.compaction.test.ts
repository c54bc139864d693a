// SYNC.md rule P4: after 200 appended rows the room's state is written to
// document_snapshots with up_to_update_id, the newest row it includes, while
// the room is still open; loading reads that snapshot plus the rows after it;
// the log itself keeps every row. The 30 s minimum interval is lifted here.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { createPostgresDocumentStore } from "../../server/collab/documentStore";
import { getPrisma } from "../../server/db/prisma";
import { documentTextFromYDoc } from "../../server/documents/documentState";
import { connectClient, type CollabClient } from "../support/collabClient";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, startTestServer, waitFor } from "../support/testServer";

const COMPACT_AFTER_ROWS = 200;
const AUTHORS = 8;

const rowsOf = (documentId: string) =>
  getPrisma().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { id: true, update: true } });
const rowCount = (documentId: string) => getPrisma().documentUpdate.count({ where: { documentId } });
const snapshotOf = (documentId: string) => getPrisma().documentSnapshot.findUnique({ where: { documentId } });

/** Not before 200 rows: a snapshot, whenever there is one, covers at least 200 rows. */
async function expectNoEarlySnapshot(documentId: string) {
  const snapshot = await snapshotOf(documentId);
  if (!snapshot) return;
  const covered = await getPrisma().documentUpdate.count({ where: { documentId, id: { lte: snapshot.upToUpdateId } } });
  expect(covered).toBeGreaterThanOrEqual(COMPACT_AFTER_ROWS);
}

describe("compaction", () => {
  const harness = useTestServer({ compactAfterRows: COMPACT_AFTER_ROWS, minSnapshotIntervalMs: 0 });

  it("P4: more than 200 log rows are compacted into a snapshot while the room is open; snapshot plus tail load the whole text; the log keeps every row", { timeout: 90_000 }, async () => {
    const users = await Promise.all(Array.from({ length: AUTHORS }, () => createTestUser()));
    const document = await createTestDocument(users[0]!, users.slice(1).map((user) => ({ id: user.id, role: "editor" as const })));
    const clients = await Promise.all(users.map(async (user) => harness.connect(document.id, await sessionCookie(user))));
    await Promise.all(clients.map((client) => client.waitSynced()));
    // One paragraph per author, then rounds in which every author types into theirs: each
    // write-behind batch (every ~100 ms) stores one row per author who typed.
    clients.forEach((client, index) => client.appendParagraph(`Author ${index}:`));
    await waitFor(() => clients.every((client) => client.doc.getXmlFragment(DOCUMENT_FRAGMENT).length === AUTHORS), {
      timeout: 10_000,
      message: "every author's paragraph",
    });
    const paragraphOf = (client: CollabClient, index: number) => {
      const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
      for (let i = 0; i < fragment.length; i++) {
        const text = (fragment.get(i) as Y.XmlElement).get(0) as Y.XmlText;
        if (text.toString().startsWith(`Author ${index}:`)) return i;
      }
      throw new Error(`no paragraph for author ${index}`);
    };

    let round = 0;
    while ((await rowCount(document.id)) <= COMPACT_AFTER_ROWS) {
      await expectNoEarlySnapshot(document.id);
      const before = await rowCount(document.id);
      clients.forEach((client, index) => {
        const paragraph = paragraphOf(client, index);
        const text = (client.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(text.length, ` r${round}`);
      });
      round++;
      await waitFor(async () => (await rowCount(document.id)) > before, { timeout: 10_000, message: `round ${round} to be stored` });
    }

    // Compacted while everyone is still connected: not the snapshot of an unload.
    const rowsSoFar = await rowsOf(document.id);
    const row200 = rowsSoFar[COMPACT_AFTER_ROWS - 1]!.id;
    await waitFor(async () => ((await snapshotOf(document.id))?.upToUpdateId ?? 0n) >= row200, {
      timeout: 10_000,
      message: "a snapshot covering the 200th row",
    });
    expect(harness.server.collab.rooms.has(document.id)).toBe(true);
    await expectNoEarlySnapshot(document.id);
    const snapshot = (await snapshotOf(document.id))!;
    expect(rowsSoFar.some((row) => row.id === snapshot.upToUpdateId)).toBe(true);

    // A few more edits land in the log after the snapshot: the tail.
    clients[0]!.appendParagraph("After the snapshot.");
    const expected = () => clients[0]!.text();
    await waitFor(() => clients.every((client) => client.text() === expected()), { timeout: 10_000, message: "convergence" });
    await harness.server.collab.rooms.get(document.id)!.store("request");
    const allRows = await rowsOf(document.id);
    const stillSnapshot = (await snapshotOf(document.id))!;
    expect(allRows.at(-1)!.id).toBeGreaterThan(stillSnapshot.upToUpdateId);

    // Loading is snapshot + the rows after it…
    const store = createPostgresDocumentStore();
    const loaded = await store.load(document.id).finally(() => store.close?.());
    expect(loaded.tailLength).toBe(allRows.filter((row) => row.id > stillSnapshot.upToUpdateId).length);
    expect(loaded.tailLength).toBeLessThan(allRows.length);
    // …and a fresh client of a second server on the same database, which loads exactly that, has the whole text.
    const second = await startTestServer();
    try {
      const fresh = connectClient(second.wsUrl, document.id, await sessionCookie(users[0]!));
      try {
        await fresh.waitSynced();
        await waitFor(() => fresh.text() === expected(), { timeout: 10_000, message: "the fresh client to load the whole text" });
        for (let index = 0; index < AUTHORS; index++) expect(fresh.text()).toContain(`Author ${index}: r0 r1`);
        expect(fresh.text()).toContain("After the snapshot.");
      } finally {
        fresh.destroy();
      }
    } finally {
      await second.close();
    }

    // Append-only: every row written before the snapshot is still there, and the log alone
    // (without the snapshot) still reproduces the document.
    const logAfter = await rowsOf(document.id);
    const idsAfter = new Set(logAfter.map((row) => row.id));
    expect(rowsSoFar.every((row) => idsAfter.has(row.id))).toBe(true);
    expect(logAfter.length).toBeGreaterThan(COMPACT_AFTER_ROWS);
    const fromLog = new Y.Doc();
    for (const row of logAfter) Y.applyUpdate(fromLog, row.update);
    expect(documentTextFromYDoc(fromLog)).toBe(expected());
  });
});
