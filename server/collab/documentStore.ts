// The sync server's persistence seam: load a document's state, append updates
// to the log, write a compacted snapshot. Implemented over PostgreSQL through
// the sync server's own pool (syncDatabase.ts).
import * as Y from "yjs";
import { createSyncDatabase, type SyncDatabase } from "./syncDatabase";

export type PendingUpdate = { authorId: string | null; update: Uint8Array };

export type LoadedDocument = {
  /** Snapshot first, then the log entries after it, in order. */
  updates: Uint8Array[];
  /** Id of the newest log entry included (0n when the log is empty). */
  lastUpdateId: bigint;
  /** How many log entries were read on top of the snapshot. */
  tailLength: number;
  /** The state vector stored with the snapshot (updates[0]), or null when there is no snapshot. */
  snapshotStateVector: Uint8Array | null;
};

/** The ids of the rows one append wrote: every row of the document from firstId to lastId. */
export type AppendedRows = { firstId: bigint; lastId: bigint };

/** Log rows read back after a given id (multi-node catch-up). */
export type LogTail = {
  /** Updates of the rows after the id asked for, oldest first, rows inside `skip` left out. */
  updates: Uint8Array[];
  /** Id of the newest row after the id asked for (skipped rows included), or that id when there is none. */
  lastUpdateId: bigint;
};

export type DocumentStore = {
  load(documentId: string): Promise<LoadedDocument>;
  /**
   * Appends updates in one transaction; returns the ids of the first and last
   * rows written. A document's rows become visible in the order of their ids
   * (rule P5): "every row up to id X" is a cut that never gains a row later,
   * and no other row of the document lies between one append's first and last.
   */
  append(documentId: string, updates: PendingUpdate[]): Promise<AppendedRows>;
  /**
   * The rows after `afterId` (exact by rule P5: no row below the newest one
   * returned can appear later). Rows inside `skip` (this node's own appends)
   * are counted but their bytes are not read.
   */
  readLogAfter(documentId: string, afterId: bigint, skip?: readonly AppendedRows[]): Promise<LogTail>;
  writeSnapshot(documentId: string, state: Uint8Array, stateVector: Uint8Array, upToUpdateId: bigint): Promise<void>;
  /** Releases what the store holds (connections); called once the sync server has stored everything. */
  close?(): Promise<void>;
};

/** The advisory-lock class of document logs (server/db/advisoryLock.ts lists the others). */
const DOCUMENT_LOG_LOCK_CLASS = 0x4e5701;

const LOAD_SNAPSHOT_SQL = `SELECT state, state_vector, up_to_update_id::text AS up_to FROM document_snapshots WHERE document_id = $1::uuid`;
// The id goes out as text (a bigint overflows JS numbers) under another name: ORDER BY must sort the bigint.
const LOAD_TAIL_SQL = `SELECT id::text AS row_id, "update" FROM document_updates WHERE document_id = $1::uuid AND id > $2::bigint ORDER BY id`;

// Rule P5: appends to one document are serialized by a transaction-scoped
// advisory lock, taken before the rows draw their ids from the shared
// sequence, so one document's ids are assigned and committed in the same
// order. Without it a node could read row 11 while row 10 (another node's
// append, still committing) was invisible, and a snapshot "up to 11" would
// hide row 10 forever. One statement still: the INSERT reads its rows through
// a join with the `locked` CTE, which (volatile, so never inlined) runs the
// lock before the first row reaches the INSERT and draws an id; the
// statement's own transaction holds it until the commit. Different documents
// never wait on each other (barring a hash collision).
const APPEND_SQL = `
  WITH locked AS (
    SELECT pg_advisory_xact_lock(${DOCUMENT_LOG_LOCK_CLASS}, hashtext($1::text)) AS held
  ), inserted AS (
    INSERT INTO document_updates (document_id, author_id, "update", created_at)
    SELECT $1::uuid, row.author_id::uuid, decode(row.payload, 'base64'), $2
    FROM locked, unnest($3::text[], $4::text[]) WITH ORDINALITY AS row(author_id, payload, position)
    ORDER BY row.position
    RETURNING id
  ), touched AS (
    UPDATE documents SET last_edited_at = $2, updated_at = $2 WHERE id = $1::uuid
  )
  SELECT min(id)::text AS first_id, max(id)::text AS last_id FROM inserted`;

const READ_LOG_AFTER_SQL = `
  SELECT id::text AS row_id,
    CASE WHEN EXISTS (SELECT 1 FROM unnest($3::bigint[], $4::bigint[]) AS own(first_id, last_id) WHERE id BETWEEN own.first_id AND own.last_id)
      THEN NULL ELSE "update" END AS "update"
  FROM document_updates WHERE document_id = $1::uuid AND id > $2::bigint ORDER BY id`;

const WRITE_SNAPSHOT_SQL = `
  INSERT INTO document_snapshots (document_id, state, state_vector, up_to_update_id, updated_at)
  VALUES ($1::uuid, $2, $3, $4::bigint, now())
  ON CONFLICT (document_id) DO UPDATE
  SET state = excluded.state, state_vector = excluded.state_vector,
      up_to_update_id = excluded.up_to_update_id, updated_at = excluded.updated_at`;

/**
 * The store over `database` (the server's shared pool; closing it is the
 * server's job), or over a pool of its own that close() ends.
 */
export function createPostgresDocumentStore(database?: SyncDatabase): DocumentStore {
  const db = database ?? createSyncDatabase();
  return {
    async load(documentId) {
      const snapshot = (await db.query<{ state: Buffer; state_vector: Buffer; up_to: string }>(LOAD_SNAPSHOT_SQL, [documentId])).rows[0];
      const after = snapshot ? BigInt(snapshot.up_to) : 0n;
      const tail = (await db.query<{ row_id: string; update: Buffer }>(LOAD_TAIL_SQL, [documentId, after.toString()])).rows;
      const updates: Uint8Array[] = [];
      if (snapshot) updates.push(snapshot.state);
      for (const row of tail) updates.push(row.update);
      return {
        updates,
        lastUpdateId: tail.length > 0 ? BigInt(tail.at(-1)!.row_id) : after,
        tailLength: tail.length,
        snapshotStateVector: snapshot?.state_vector ?? null,
      };
    },

    // The hot path: every write-behind batch of every open document, as one
    // statement. Updates travel as base64 text so the whole batch is one
    // array parameter; the document's last-edited time (the dashboard orders
    // by it) is set in the same statement.
    async append(documentId, updates) {
      const now = new Date();
      const authorIds = updates.map((entry) => entry.authorId);
      const payloads = updates.map((entry) => asBuffer(entry.update).toString("base64"));
      const row = (await db.query<{ first_id: string; last_id: string }>(APPEND_SQL, [documentId, now, authorIds, payloads])).rows[0]!;
      return { firstId: BigInt(row.first_id), lastId: BigInt(row.last_id) };
    },

    async readLogAfter(documentId, afterId, skip = []) {
      const relevant = skip.filter((range) => range.lastId > afterId);
      const values = [documentId, afterId.toString(), relevant.map((range) => range.firstId.toString()), relevant.map((range) => range.lastId.toString())];
      const rows = (await db.query<{ row_id: string; update: Buffer | null }>(READ_LOG_AFTER_SQL, values)).rows;
      return {
        updates: rows.flatMap((row) => (row.update ? [row.update] : [])),
        lastUpdateId: rows.length > 0 ? BigInt(rows.at(-1)!.row_id) : afterId,
      };
    },

    async writeSnapshot(documentId, state, stateVector, upToUpdateId) {
      await db.query(WRITE_SNAPSHOT_SQL, [documentId, asBuffer(state), asBuffer(stateVector), upToUpdateId.toString()]);
    },

    async close() {
      if (!database) await db.close();
    },
  };
}

/** A Buffer over the same bytes (pg sends Buffers as binary parameters). */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Encodes a Y.Doc as a snapshot row's contents. */
export function snapshotOf(doc: Y.Doc): { state: Uint8Array; stateVector: Uint8Array } {
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}
