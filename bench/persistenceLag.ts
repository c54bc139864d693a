// Persistence lag of our server (accepted → committed in PostgreSQL),
// measured from the outside. Each row of `document_updates` holds Yjs
// update bytes (one author's updates of one write batch, merged) and
// `created_at` (set just before the insert). With track_commit_timestamp on,
// pg_xact_commit_timestamp(xmin) is the moment the row's transaction
// committed. Y.parseUpdateMeta tells which clocks of which Yjs client a row
// holds; a measuring client knows the clock and the wall-clock send time of
// each of its edits. So each edit's lag is (commit time of the first row
// holding its clock) − (send time) — an upper bound of accepted → committed,
// since the edit reaches the server a little after it is sent — and
// (commit time) − (first arrival at another client) is a lower bound, since
// the server relays an edit only once it has accepted it.
import * as Y from "yjs";
import { getPrisma } from "../server/db/prisma";
import { percentiles, type Percentiles } from "./stats";

export type LagRow = { update: Uint8Array; createdAt: number; committedAt: number };

/** The document's update-log rows (optionally only these authors'), with times in ms since the epoch. */
export async function fetchLogRows(documentId: string, authorIds?: string[]): Promise<LagRow[]> {
  const prisma = getPrisma();
  const rows = authorIds
    ? await prisma.$queryRaw<{ update: Uint8Array; created: number; committed: number | null }[]>`
        SELECT "update", (extract(epoch FROM created_at) * 1000)::float8 AS created,
               (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000)::float8 AS committed
        FROM document_updates WHERE document_id = ${documentId}::uuid AND (author_id = ANY(${authorIds}::uuid[]) OR author_id IS NULL)`
    : await prisma.$queryRaw<{ update: Uint8Array; created: number; committed: number | null }[]>`
        SELECT "update", (extract(epoch FROM created_at) * 1000)::float8 AS created,
               (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000)::float8 AS committed
        FROM document_updates WHERE document_id = ${documentId}::uuid`;
  return rows.map((row) => ({ update: row.update, createdAt: Number(row.created), committedAt: row.committed === null ? NaN : Number(row.committed) }));
}

/** For one Yjs client: the clock ranges each row holds and when it was stored, sorted by clock. */
export type ClockIndex = { from: number[]; to: number[]; committedAt: number[]; createdAt: number[] };

export function clockIndex(rows: LagRow[], clientId: number): ClockIndex {
  const ranges: { from: number; to: number; committedAt: number; createdAt: number }[] = [];
  for (const row of rows) {
    const meta = Y.parseUpdateMeta(row.update);
    const from = meta.from.get(clientId);
    const to = meta.to.get(clientId);
    if (from !== undefined && to !== undefined && to > from) ranges.push({ from, to, committedAt: row.committedAt, createdAt: row.createdAt });
  }
  ranges.sort((a, b) => a.from - b.from);
  return { from: ranges.map((r) => r.from), to: ranges.map((r) => r.to), committedAt: ranges.map((r) => r.committedAt), createdAt: ranges.map((r) => r.createdAt) };
}

/** The stored row holding this clock: { committedAt, createdAt }, or undefined when none does (yet). */
export function storedAt(index: ClockIndex, clock: number): { committedAt: number; createdAt: number } | undefined {
  let lo = 0;
  let hi = index.from.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.from[mid]! <= clock) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // Ranges may overlap (a row repeated after a retried write): look back for the earliest holder.
  let best: { committedAt: number; createdAt: number } | undefined;
  for (let i = found; i >= 0 && i >= found - 50; i--) {
    if (index.from[i]! <= clock && clock < index.to[i]!) {
      const time = index.committedAt[i]!;
      if (!best || time < best.committedAt) best = { committedAt: time, createdAt: index.createdAt[i]! };
    }
  }
  return best;
}

export type LagEdit = { clientId: number; clock: number; sentWall: number; firstArrivalWall: number };

export type LagHistogram = {
  edits: number;
  /** Edits whose clock is in no row (never stored, or not yet when read). */
  missing: number;
  /** Commit time − send time (upper bound). */
  fromSend: Percentiles;
  /** Commit time − first arrival at another client (lower bound); NaN where no arrival was seen. */
  fromRelay: Percentiles;
  /** created_at (set just before the insert) − send time: the queueing part, without the insert itself. */
  createdFromSend: Percentiles;
  /** Counts per bucket of fromSend, bucket upper bounds in ms (last is Infinity). */
  buckets: { upToMs: number; count: number }[];
  /** "commit timestamps" or "created_at" (when PostgreSQL did not record commit times). */
  clock: string;
};

const BUCKETS_MS = [25, 50, 100, 150, 200, 250, 500, 1000, 2000, 5000, Infinity];

export function lagHistogram(edits: LagEdit[], rows: LagRow[]): LagHistogram {
  const commitTimes = rows.some((row) => Number.isFinite(row.committedAt));
  const usable = commitTimes ? rows : rows.map((row) => ({ ...row, committedAt: row.createdAt }));
  const indexes = new Map<number, ClockIndex>();
  const fromSend: number[] = [];
  const fromRelay: number[] = [];
  const createdFromSend: number[] = [];
  let missing = 0;
  for (const edit of edits) {
    if (!Number.isFinite(edit.sentWall)) continue; // never sent (the writer gave up)
    let index = indexes.get(edit.clientId);
    if (!index) indexes.set(edit.clientId, (index = clockIndex(usable, edit.clientId)));
    const stored = storedAt(index, edit.clock);
    if (!stored) {
      missing++;
      continue;
    }
    fromSend.push(stored.committedAt - edit.sentWall);
    createdFromSend.push(stored.createdAt - edit.sentWall);
    if (Number.isFinite(edit.firstArrivalWall)) fromRelay.push(stored.committedAt - edit.firstArrivalWall);
  }
  const buckets = BUCKETS_MS.map((upToMs) => ({ upToMs, count: 0 }));
  for (const lag of fromSend) buckets.find((bucket) => lag <= bucket.upToMs)!.count++;
  return {
    edits: edits.length,
    missing,
    fromSend: percentiles(fromSend),
    fromRelay: percentiles(fromRelay),
    createdFromSend: percentiles(createdFromSend),
    buckets,
    clock: commitTimes ? "commit timestamps" : "created_at",
  };
}

/** Waits until every edit is in some row (the server writes behind), at most timeoutMs; returns the rows. */
export async function waitForRows(documentId: string, authorIds: string[] | undefined, edits: LagEdit[], timeoutMs: number): Promise<LagRow[]> {
  const deadline = Date.now() + timeoutMs;
  const last = new Map<number, number>();
  for (const edit of edits) last.set(edit.clientId, Math.max(last.get(edit.clientId) ?? -1, edit.clock));
  for (;;) {
    const rows = await fetchLogRows(documentId, authorIds);
    const complete = [...last].every(([clientId, clock]) => storedAt(clockIndex(rows, clientId), clock) !== undefined);
    if (complete || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The server's own accepted → stored histogram (newsroom_collab_persistence_lag_seconds):
 * one observation per completed append, the age of the oldest update it held
 * (every update in that append waited at most as long). Cumulative counts per bucket.
 */
export type ServerLagHistogram = { appends: number; buckets: { upToMs: number; cumulative: number }[] };

/** The smallest bucket bound under which a share p of the appends fall ("p99 ≤ x ms"); NaN without appends. */
export function serverLagBound(histogram: ServerLagHistogram, p: number): number {
  if (histogram.appends === 0) return NaN;
  return histogram.buckets.find((bucket) => bucket.cumulative >= p * histogram.appends)?.upToMs ?? Infinity;
}
