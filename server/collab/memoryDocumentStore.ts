// A DocumentStore in memory, for unit tests of the sync server and its
// extensions. It keeps the same contract as the PostgreSQL store
// (documentStoreContract.ts): an append-only log with increasing ids, one
// snapshot per document that covers the log up to its upToUpdateId.
import type { DocumentStore, LoadedDocument, PendingUpdate } from "./documentStore";

type StoredDocument = {
  log: { id: bigint; authorId: string | null; update: Uint8Array }[];
  snapshot: { state: Uint8Array; stateVector: Uint8Array; upToUpdateId: bigint } | undefined;
};

export type MemoryDocumentStore = DocumentStore & {
  /** The log rows of a document, oldest first (for assertions). */
  rows(documentId: string): readonly { id: bigint; authorId: string | null; update: Uint8Array }[];
  snapshot(documentId: string): StoredDocument["snapshot"];
};

export function createMemoryDocumentStore(): MemoryDocumentStore {
  const documents = new Map<string, StoredDocument>();
  let nextId = 1n;
  const documentOf = (documentId: string): StoredDocument => {
    let stored = documents.get(documentId);
    if (!stored) {
      stored = { log: [], snapshot: undefined };
      documents.set(documentId, stored);
    }
    return stored;
  };
  return {
    async load(documentId): Promise<LoadedDocument> {
      const stored = documentOf(documentId);
      const after = stored.snapshot?.upToUpdateId ?? 0n;
      const tail = stored.log.filter((row) => row.id > after);
      const updates = [...(stored.snapshot ? [stored.snapshot.state] : []), ...tail.map((row) => row.update)];
      return { updates, lastUpdateId: tail.at(-1)?.id ?? after, tailLength: tail.length, snapshotStateVector: stored.snapshot?.stateVector ?? null };
    },
    async append(documentId, updates: PendingUpdate[]) {
      const stored = documentOf(documentId);
      const firstId = nextId;
      for (const { authorId, update } of updates) stored.log.push({ id: nextId++, authorId, update: new Uint8Array(update) });
      return { firstId, lastId: nextId - 1n };
    },
    async readLogAfter(documentId, afterId, skip = []) {
      const tail = documentOf(documentId).log.filter((row) => row.id > afterId);
      const own = (id: bigint) => skip.some((range) => id >= range.firstId && id <= range.lastId);
      return {
        updates: tail.filter((row) => !own(row.id)).map((row) => row.update),
        lastUpdateId: tail.at(-1)?.id ?? afterId,
      };
    },
    async writeSnapshot(documentId, state, stateVector, upToUpdateId) {
      documentOf(documentId).snapshot = { state: new Uint8Array(state), stateVector: new Uint8Array(stateVector), upToUpdateId };
    },
    rows: (documentId) => documentOf(documentId).log,
    snapshot: (documentId) => documentOf(documentId).snapshot,
  };
}
