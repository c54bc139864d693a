// The sync server's persistence seam: load a document's state, append updates
// to the log, write a compacted snapshot. Implemented over Prisma/PostgreSQL.
import * as Y from "yjs";
import { getPrisma } from "../db/prisma";

export type PendingUpdate = { authorId: string | null; update: Uint8Array };

export type LoadedDocument = {
  /** Snapshot first, then the log entries after it, in order. */
  updates: Uint8Array[];
  /** Id of the newest log entry included (0n when the log is empty). */
  lastUpdateId: bigint;
  /** How many log entries were read on top of the snapshot. */
  tailLength: number;
};

export type DocumentStore = {
  load(documentId: string): Promise<LoadedDocument>;
  /** Appends updates in one transaction; returns the id of the last row written. */
  append(documentId: string, updates: PendingUpdate[]): Promise<bigint>;
  writeSnapshot(documentId: string, state: Uint8Array, stateVector: Uint8Array, upToUpdateId: bigint): Promise<void>;
};

// Prisma's Bytes wants Uint8Array<ArrayBuffer>; Yjs hands out ArrayBufferLike views.
const bytes = (data: Uint8Array) => new Uint8Array(data);

export function createPrismaDocumentStore(): DocumentStore {
  return {
    async load(documentId) {
      const prisma = getPrisma();
      const snapshot = await prisma.documentSnapshot.findUnique({ where: { documentId } });
      const after = snapshot?.upToUpdateId ?? 0n;
      const tail = await prisma.documentUpdate.findMany({
        where: { documentId, id: { gt: after } },
        orderBy: { id: "asc" },
        select: { id: true, update: true },
      });
      const updates: Uint8Array[] = [];
      if (snapshot) updates.push(snapshot.state);
      for (const row of tail) updates.push(row.update);
      return { updates, lastUpdateId: tail.at(-1)?.id ?? after, tailLength: tail.length };
    },

    async append(documentId, updates) {
      const now = new Date();
      const [rows] = await getPrisma().$transaction([
        getPrisma().documentUpdate.createManyAndReturn({
          data: updates.map((entry) => ({ documentId, authorId: entry.authorId, update: bytes(entry.update), createdAt: now })),
          select: { id: true },
        }),
        getPrisma().document.update({ where: { id: documentId }, data: { lastEditedAt: now } }),
      ]);
      return rows.reduce((max, row) => (row.id > max ? row.id : max), 0n);
    },

    async writeSnapshot(documentId, state, stateVector, upToUpdateId) {
      await getPrisma().documentSnapshot.upsert({
        where: { documentId },
        create: { documentId, state: bytes(state), stateVector: bytes(stateVector), upToUpdateId },
        update: { state: bytes(state), stateVector: bytes(stateVector), upToUpdateId },
      });
    },
  };
}

/** Encodes a Y.Doc as a snapshot row's contents. */
export function snapshotOf(doc: Y.Doc): { state: Uint8Array; stateVector: Uint8Array } {
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}
