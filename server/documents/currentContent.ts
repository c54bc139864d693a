// A document's current content: from its open room when there is one (it has
// edits still inside the write-behind window), else from PostgreSQL.
import * as Y from "yjs";
import { readLiveDocumentState } from "../collab/serverEdits";
import { getPrisma } from "../db/prisma";

export { contentHash } from "./contentHash";

export async function loadCurrentDocument(documentId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const live = await readLiveDocumentState(documentId);
  if (live) {
    Y.applyUpdate(doc, live);
    return doc;
  }
  await applyStoredState(doc, documentId);
  return doc;
}

// The stored state as the sync server stores it (documentStore.ts): the
// snapshot, then the log after it. Read through the app's Prisma client:
// routes run in Next's bundle, which does not share the sync server's pool.
async function applyStoredState(doc: Y.Doc, documentId: string): Promise<void> {
  const prisma = getPrisma();
  const snapshot = await prisma.documentSnapshot.findUnique({ where: { documentId }, select: { state: true, upToUpdateId: true } });
  const tail = await prisma.documentUpdate.findMany({
    where: { documentId, id: { gt: snapshot?.upToUpdateId ?? 0n } },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of tail) Y.applyUpdate(doc, row.update);
  });
}
