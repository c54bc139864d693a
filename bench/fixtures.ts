// Users, documents and session cookies for the benchmark, written straight
// to the database with Prisma (no HTTP, no password hashing: these users
// never sign in through a form).
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import * as Y from "yjs";
import { createSession } from "../server/auth/sessions";
import { getPrisma } from "../server/db/prisma";

export type BenchUser = { id: string; name: string; email: string; cookie: string };

/**
 * Creates `count` newsroom editors (who may edit every document) with a
 * session cookie each. One user per simulated editor: the server caps the
 * sockets one user may hold on one document.
 */
export async function createBenchUsers(count: number, authSecret: string): Promise<BenchUser[]> {
  const rows = Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    return { id, email: `bench-${index}-${id.slice(0, 8)}@bench.invalid`, name: `Bench editor ${index}`, role: "editor" as const, passwordHash: "!bench-user-no-password" };
  });
  await getPrisma().user.createMany({ data: rows });
  // A session row each: the server admits a cookie only while its session is live (server/auth/sessions.ts).
  const sessions = await Promise.all(rows.map((row) => createSession(row.id)));
  return Promise.all(
    rows.map(async (row, index) => {
      const token = await encode({ token: { sub: row.id, sid: sessions[index]!.id, name: row.name, email: row.email }, secret: authSecret });
      return { id: row.id, name: row.name, email: row.email, cookie: `next-auth.session-token=${token}` };
    }),
  );
}

export async function createBenchDocument(owner: BenchUser, title: string): Promise<string> {
  const document = await getPrisma().document.create({
    data: { title, createdById: owner.id, members: { create: [{ userId: owner.id, role: "editor" }] } },
    select: { id: true },
  });
  return document.id;
}

export type StoredDocumentSize = {
  updateRows: number;
  updateBytes: number;
  snapshotBytes: number;
  snapshotStateVectorBytes: number;
  /** Log rows after the snapshot (what a cold load reads on top of it). */
  tailRows: number;
  tailBytes: number;
};

/** Rows in the document's update log so far. */
export async function countLogRows(documentId: string): Promise<number> {
  return getPrisma().documentUpdate.count({ where: { documentId } });
}

/** What the server persisted for one document. */
export async function storedDocumentSize(documentId: string): Promise<StoredDocumentSize> {
  const prisma = getPrisma();
  const [log] = await prisma.$queryRaw<{ rows: bigint; bytes: bigint | null }[]>`
    SELECT count(*) AS rows, sum(octet_length("update")) AS bytes FROM document_updates WHERE document_id = ${documentId}::uuid`;
  const [snapshot] = await prisma.$queryRaw<{ state: number; vector: number; up_to: bigint }[]>`
    SELECT octet_length(state) AS state, octet_length(state_vector) AS vector, up_to_update_id AS up_to
    FROM document_snapshots WHERE document_id = ${documentId}::uuid`;
  const upTo = snapshot?.up_to ?? 0n;
  const [tail] = await prisma.$queryRaw<{ rows: bigint; bytes: bigint | null }[]>`
    SELECT count(*) AS rows, sum(octet_length("update")) AS bytes FROM document_updates
    WHERE document_id = ${documentId}::uuid AND id > ${upTo}`;
  return {
    updateRows: Number(log?.rows ?? 0),
    updateBytes: Number(log?.bytes ?? 0),
    snapshotBytes: Number(snapshot?.state ?? 0),
    snapshotStateVectorBytes: Number(snapshot?.vector ?? 0),
    tailRows: Number(tail?.rows ?? 0),
    tailBytes: Number(tail?.bytes ?? 0),
  };
}

/** Documents stored compacted: one snapshot row each (state V1 and state vector), no update log. */
export async function createStoredDocuments(owner: BenchUser, documents: { title: string; state: Uint8Array }[]): Promise<string[]> {
  const prisma = getPrisma();
  const ids = documents.map(() => randomUUID());
  await prisma.document.createMany({ data: documents.map((document, index) => ({ id: ids[index]!, title: document.title, createdById: owner.id })) });
  await prisma.documentMember.createMany({ data: ids.map((documentId) => ({ documentId, userId: owner.id, role: "editor" as const })) });
  await prisma.documentSnapshot.createMany({
    data: documents.map((document, index) => ({
      documentId: ids[index]!,
      state: new Uint8Array(document.state),
      stateVector: new Uint8Array(Y.encodeStateVectorFromUpdate(document.state)),
      upToUpdateId: 0n,
    })),
  });
  return ids;
}
