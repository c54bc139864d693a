// The PostgreSQL DocumentStore keeps the store contract (server/collab/documentStoreContract.ts):
// real documents and users rows (the log's foreign keys), authors read back from document_updates.
import { describe, expect, it } from "vitest";
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
