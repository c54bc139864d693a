// The PostgreSQL DocumentStore keeps the store contract (server/collab/documentStoreContract.ts):
// real documents and users rows (the log's foreign keys), authors read back from document_updates.
import { createPrismaDocumentStore } from "../../server/collab/documentStore";
import { runDocumentStoreContract } from "../../server/collab/documentStoreContract";
import { getPrisma } from "../../server/db/prisma";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

runDocumentStoreContract("PostgreSQL (Prisma)", async () => {
  useTestDatabase();
  const owner = await createTestUser();
  return {
    store: createPrismaDocumentStore(),
    newDocumentId: async () => (await createTestDocument(owner)).id,
    newAuthorId: async () => (await createTestUser()).id,
    authorsOf: async (documentId) =>
      (await getPrisma().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { authorId: true } })).map(
        (row) => row.authorId,
      ),
  };
});
