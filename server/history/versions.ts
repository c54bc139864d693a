// Versions: taking them (checkpoints, transitions, names, restores), listing
// them and opening one. Each holds the full Yjs state of its moment.
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import type { VersionDetail, VersionKind, VersionSummary } from "../../lib/history/historyTypes";
import { getPrisma } from "../db/prisma";
import { isUniqueViolation } from "../db/prismaErrors";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { documentJSONFromYDoc } from "../documents/documentState";
import { flushLiveDocument } from "../collab/serverEdits";
import { AppError } from "../errors";
import { canNameVersion, type Actor } from "../policies";
import { presentUser } from "../review/threadView";
import { findPeople } from "../users/findPeople";
import { renderHistoryHtml } from "./renderHistoryHtml";
import { versionDigest } from "./versionDigest";
import { withVersionLock } from "./versionLock";

export type TakeVersionInput = {
  kind: VersionKind;
  name?: string | null;
  createdById?: string | null;
  /** Take none when the text is the same as the latest version's (returns that one instead). */
  onlyIfChanged?: boolean;
};

const summarySelect = {
  number: true,
  kind: true,
  name: true,
  editorIds: true,
  wordCount: true,
  contentHash: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/**
 * Takes a version of the document as it is now (its open room included, after
 * storing what the room still holds). `doc` pins exact content instead, e.g.
 * the content an approval hashed.
 */
export async function takeVersion(documentId: string, input: TakeVersionInput, doc?: Y.Doc): Promise<VersionSummary> {
  return withVersionLock(documentId, () => takeVersionLocked(documentId, input, doc));
}

/** takeVersion for a caller that already holds the document's version lock. */
export async function takeVersionLocked(documentId: string, input: TakeVersionInput, doc?: Y.Doc): Promise<VersionSummary> {
  await flushLiveDocument(documentId);
  const upToUpdateId = await latestUpdateId(documentId);
  const content = doc ?? (await loadCurrentDocument(documentId));
  let state: Uint8Array;
  try {
    state = Y.encodeStateAsUpdate(content);
  } finally {
    if (!doc) content.destroy();
  }
  return storeVersion(documentId, state, upToUpdateId, input);
}

/**
 * An automatic checkpoint of `state` (encoded by the caller, the sync server's
 * room): taken only when the log has moved past the latest version, and that
 * version is at least `minAgeMs` old. Returns whether one was taken.
 */
export async function takeCheckpointIfNew(documentId: string, state: Uint8Array, upToUpdateId: bigint, minAgeMs: number): Promise<boolean> {
  return withVersionLock(documentId, async () => {
    const latest = await getPrisma().documentVersion.findFirst({
      where: { documentId },
      orderBy: { number: "desc" },
      select: { upToUpdateId: true, createdAt: true },
    });
    if (latest && latest.upToUpdateId >= upToUpdateId) return false;
    if (latest && Date.now() - latest.createdAt.getTime() < minAgeMs) return false;
    await storeVersion(documentId, state, upToUpdateId, { kind: "checkpoint" });
    return true;
  });
}

/**
 * Who wrote log rows in (afterId, upToId], in the order of their first row.
 * Grouped in SQL: Prisma's `distinct` fetches every row and removes
 * duplicates in the process — after five minutes of 500 people typing that
 * was 750,000 rows, 1.4 s of work that stalled the sync server's event loop
 * at each automatic checkpoint (grouped: about 110 ms in PostgreSQL, the
 * event loop free).
 */
async function editorsBetween(documentId: string, afterId: bigint, upToId: bigint): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ author_id: string }[]>`
    SELECT author_id::text AS author_id FROM document_updates
    WHERE document_id = ${documentId}::uuid AND id > ${afterId} AND id <= ${upToId} AND author_id IS NOT NULL
    GROUP BY author_id ORDER BY min(id)`;
  return rows.map((row) => row.author_id);
}

// Callers hold the version lock: the number and the editors since the
// previous version depend on no other version being taken meanwhile. The lock
// spans nodes (a PostgreSQL advisory lock); a script writing versions without
// it can still take the same number first, and then the unique index refuses
// it and we retry.
async function storeVersion(documentId: string, state: Uint8Array, upToUpdateId: bigint, input: TakeVersionInput): Promise<VersionSummary> {
  const prisma = getPrisma();
  // Decoding, hashing and counting a large document is the slow part: in the server's worker thread (versionDigest.ts).
  const digest = await versionDigest(state);
  const hash = digest.contentHash;
  for (let attempt = 1; ; attempt++) {
    const previous = await prisma.documentVersion.findFirst({
      where: { documentId },
      orderBy: { number: "desc" },
      select: { ...summarySelect, upToUpdateId: true },
    });
    if (input.onlyIfChanged && previous?.contentHash === hash) return (await presentVersions([previous]))[0]!;
    const editors = await editorsBetween(documentId, previous?.upToUpdateId ?? 0n, upToUpdateId);
    try {
      const row = await prisma.documentVersion.create({
        data: {
          documentId,
          number: (previous?.number ?? 0) + 1,
          kind: input.kind,
          name: input.name ?? null,
          createdById: input.createdById ?? null,
          editorIds: editors,
          state: new Uint8Array(state),
          stateVector: new Uint8Array(digest.stateVector),
          contentHash: hash,
          wordCount: digest.wordCount,
          upToUpdateId,
        },
        select: summarySelect,
      });
      return (await presentVersions([row]))[0]!;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

async function latestUpdateId(documentId: string): Promise<bigint> {
  const latest = await getPrisma().documentUpdate.findFirst({ where: { documentId }, orderBy: { id: "desc" }, select: { id: true } });
  return latest?.id ?? 0n;
}

/** A version named by a person ("Sent to legal"). */
export async function nameCurrentVersion(actor: Actor, documentId: string, name: string): Promise<VersionSummary> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canNameVersion(role)) throw new AppError("forbidden", "Only people who edit or suggest may name versions");
  return takeVersion(documentId, { kind: "named", name, createdById: actor.id });
}

/** Every version, newest first. */
export async function listVersions(actor: Actor, documentId: string): Promise<VersionSummary[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  const rows = await getPrisma().documentVersion.findMany({
    where: { documentId },
    orderBy: { number: "desc" },
    take: 1000,
    select: summarySelect,
  });
  return presentVersions(rows);
}

export async function getVersionOrThrow(actor: Actor, documentId: string, number: number): Promise<VersionDetail> {
  await getDocumentRoleOrThrow(actor, documentId);
  const row = await getPrisma().documentVersion.findUnique({
    where: { documentId_number: { documentId, number } },
    select: { ...summarySelect, state: true },
  });
  if (!row) throw new AppError("not_found", `Version ${number} not found`);
  const [summary] = await presentVersions([row]);
  return { ...summary!, html: renderHistoryHtml(versionJSON(row.state)) };
}

/** A stored version as a Y.Doc (the caller destroys it). */
export async function loadVersionDoc(documentId: string, number: number): Promise<Y.Doc> {
  const row = await getPrisma().documentVersion.findUnique({
    where: { documentId_number: { documentId, number } },
    select: { state: true },
  });
  if (!row) throw new AppError("not_found", `Version ${number} not found`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  return doc;
}

function versionJSON(state: Uint8Array): JSONContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return documentJSONFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}

type VersionRow = {
  number: number;
  kind: VersionKind;
  name: string | null;
  editorIds: string[];
  wordCount: number;
  contentHash: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
};

async function presentVersions(rows: VersionRow[]): Promise<VersionSummary[]> {
  const people = await findPeople(rows.flatMap((row) => row.editorIds));
  return rows.map((row) => ({
    number: row.number,
    kind: row.kind,
    name: row.name,
    createdBy: row.createdBy ? presentUser(row.createdBy) : null,
    editors: row.editorIds.flatMap((id) => people.get(id) ?? []),
    wordCount: row.wordCount,
    contentHash: row.contentHash,
    createdAt: row.createdAt.toISOString(),
  }));
}
