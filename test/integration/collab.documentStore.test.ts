// The PostgreSQL DocumentStore keeps the store contract (server/collab/documentStoreContract.ts):
// real documents and users rows (the log's foreign keys), authors read back from document_updates.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { createPostgresDocumentStore } from "../../server/collab/documentStore";
import { runDocumentStoreContract } from "../../server/collab/documentStoreContract";
import { getPrisma } from "../../server/db/prisma";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

runDocumentStoreContract("PostgreSQL", async () => {
  useTestDatabase();
  const owner = await createTestUser();
  const store = createPostgresDocumentStore();
  return {
    store,
    cleanup: () => store.close!(),
    newDocumentId: async () => (await createTestDocument(owner)).id,
    newAuthorId: async () => (await createTestUser()).id,
    authorsOf: async (documentId) =>
      (await getPrisma().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { authorId: true } })).map(
        (row) => row.authorId,
      ),
  };
});

describe("PostgreSQL store: log order", () => {
  useTestDatabase();

  // Ids travel as text; sorted as text, 1000 would come before 999.
  it("loads rows in id order where the ids gain a digit", async () => {
    const owner = await createTestUser();
    const documentId = (await createTestDocument(owner)).id;
    const prisma = getPrisma();
    const [sequence] = await prisma.$queryRaw<{ last: bigint }[]>`SELECT last_value AS last FROM document_updates_id_seq`;
    const last = sequence!.last;
    const nextPowerOfTen = 10n ** BigInt(last.toString().length);
    await prisma.$executeRaw`SELECT setval('document_updates_id_seq', ${nextPowerOfTen - 3n})`;
    const store = createPostgresDocumentStore();
    try {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on("update", (update: Uint8Array) => updates.push(update));
      for (const word of ["one ", "two ", "three ", "four ", "five"]) {
        doc.getText("body").insert(doc.getText("body").length, word);
        await store.append(documentId, [{ authorId: null, update: updates.at(-1)! }]);
      }
      const loaded = await store.load(documentId);
      expect(loaded.updates.map((update) => Buffer.from(update).toString("hex"))).toEqual(updates.map((update) => Buffer.from(update).toString("hex")));
      expect(loaded.lastUpdateId).toBe(nextPowerOfTen + 2n);
    } finally {
      await store.close!();
    }
  });
});

describe("PostgreSQL store: rule P5", () => {
  useTestDatabase();

  it("one document's rows commit in id order: an append waits for another node's append still in flight", async () => {
    const owner = await createTestUser();
    const documentId = (await createTestDocument(owner)).id;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.getText("body").insert(0, "first ");
    doc.getText("body").insert(6, "second");

    // "Another node" appends under the document's lock and has not committed yet.
    const otherNode = new pg.Client({ connectionString: inject("databaseUrl") });
    await otherNode.connect();
    const store = createPostgresDocumentStore();
    try {
      await otherNode.query("BEGIN");
      await otherNode.query("SELECT pg_advisory_xact_lock($1, hashtext($2::text))", [0x4e5701, documentId]);
      const inFlight = await otherNode.query<{ id: string }>(
        `INSERT INTO document_updates (document_id, "update", created_at) VALUES ($1::uuid, $2, now()) RETURNING id::text AS id`,
        [documentId, Buffer.from(updates[0]!)],
      );
      const append = store.append(documentId, [{ authorId: null, update: updates[1]! }]);
      const early = await Promise.race([append.then(() => "committed"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
      // Committed now, its row would be visible with a higher id than the invisible in-flight one.
      expect(early).toBe("waiting");
      expect((await store.readLogAfter(documentId, 0n)).updates).toHaveLength(0);

      await otherNode.query("COMMIT");
      const appended = await append;
      expect(appended.firstId).toBeGreaterThan(BigInt(inFlight.rows[0]!.id));
      const tail = await store.readLogAfter(documentId, 0n);
      expect(tail.updates).toHaveLength(2);
      expect(tail.lastUpdateId).toBe(appended.lastId);
    } finally {
      await otherNode.end();
      await store.close!();
    }
  });
});
