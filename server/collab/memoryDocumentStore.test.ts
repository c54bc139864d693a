// The in-memory DocumentStore keeps the contract the PostgreSQL store keeps
// (documentStoreContract.ts; that store runs it in test/integration/collab.documentStore.test.ts).
import { randomUUID } from "node:crypto";
import { runDocumentStoreContract } from "./documentStoreContract";
import { createMemoryDocumentStore } from "./memoryDocumentStore";

runDocumentStoreContract("in memory", async () => {
  const store = createMemoryDocumentStore();
  return {
    store,
    newDocumentId: async () => randomUUID(),
    newAuthorId: async () => randomUUID(),
    authorsOf: async (documentId) => store.rows(documentId).map((row) => row.authorId),
  };
});
