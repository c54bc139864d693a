// Write-behind for one room: accepted updates are queued and appended to the
// update log in batches. The first queued update schedules a flush after
// FLUSH_DELAY_MS, so an update is in PostgreSQL within FLUSH_DELAY_MS plus one
// insert (the documented bound is 250 ms; see docs/SYNC.md rule P1).
// A failed write keeps the batch queued and retries with backoff; errors are
// logged, never sent to clients.
import type { AppendedRows, DocumentStore, PendingUpdate } from "./documentStore";
import { mergeUpdatesBounded } from "./mergeUpdatesBounded";

// 50 ms: at 750 editors a batch still holds a few hundred rows (one per
// author), and the 250 ms bound keeps room for the event loop being busy and
// for the previous append still running (one at a time, in order).
export const FLUSH_DELAY_MS = 50;
/**
 * One append holds at most this much: a burst (megabytes of queued updates)
 * is written as several appends, each well inside the database's transaction
 * timeout, instead of one that times out and grows with every retry.
 */
export const MAX_APPEND_BYTES = 1024 * 1024;
const MAX_RETRY_DELAY_MS = 5_000;

export type UpdateLogWriter = {
  enqueue(update: PendingUpdate): void;
  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void>;
  readonly lastStoredId: bigint;
  readonly pendingCount: number;
  /** Updates enqueued, and stored, since the writer was made: an update is stored once storedCount passes its enqueue number. */
  readonly enqueuedCount: number;
  readonly storedCount: number;
  /** This writer's appends with rows after `afterId` (older ones are forgotten): what a catch-up need not read back. */
  ownAppendsAfter(afterId: bigint): readonly AppendedRows[];
  /** Entries appended since the last snapshot (for compaction decisions). */
  readonly storedSinceSnapshot: number;
  markSnapshot(): void;
  dispose(): void;
};

export function createUpdateLogWriter(options: {
  documentId: string;
  store: DocumentStore;
  lastStoredId: bigint;
  storedSinceSnapshot: number;
  onStored?: (count: number) => void;
  onError: (error: unknown) => void;
}): UpdateLogWriter {
  let queue: PendingUpdate[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let lastStoredId = options.lastStoredId;
  let ownAppends: AppendedRows[] = [];
  let storedSinceSnapshot = options.storedSinceSnapshot;
  let retryDelay = FLUSH_DELAY_MS;
  let enqueuedCount = 0;
  let storedCount = 0;
  let disposed = false;

  const schedule = (delay: number) => {
    if (timer || disposed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush().catch(() => {});
    }, delay);
  };

  const writeBatch = async () => {
    let count = 0;
    let bytes = 0;
    while (count < queue.length && (count === 0 || bytes + queue[count]!.update.byteLength <= MAX_APPEND_BYTES)) {
      bytes += queue[count]!.update.byteLength;
      count++;
    }
    const batch = queue.slice(0, count);
    queue = queue.slice(count);
    try {
      const rows = mergeByAuthor(batch);
      const appended = await options.store.append(options.documentId, rows);
      lastStoredId = appended.lastId;
      ownAppends.push(appended);
      storedSinceSnapshot += rows.length;
      storedCount += batch.length;
      retryDelay = FLUSH_DELAY_MS;
      options.onStored?.(batch.length);
    } catch (error) {
      // Keep order: the failed batch goes back in front of anything queued since.
      queue = batch.concat(queue);
      options.onError(error);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
      schedule(retryDelay);
      throw error;
    }
  };

  // One write at a time, so log ids follow the order updates were accepted:
  // one loop of bounded appends runs until the queue is empty, and a flush
  // asked for meanwhile waits for it (and runs its own if more came in).
  const flush = async (): Promise<void> => {
    while (flushing) await flushing.catch(() => {});
    if (queue.length === 0) return;
    flushing = (async () => {
      while (queue.length > 0) {
        if (timer) {
          clearTimeout(timer);
          timer = undefined;
        }
        await writeBatch();
      }
    })().finally(() => (flushing = undefined));
    await flushing;
  };

  return {
    enqueue(update) {
      enqueuedCount++;
      queue.push(update);
      schedule(FLUSH_DELAY_MS);
    },
    flush,
    get lastStoredId() {
      return lastStoredId;
    },
    get pendingCount() {
      return queue.length;
    },
    get enqueuedCount() {
      return enqueuedCount;
    },
    get storedCount() {
      return storedCount;
    },
    ownAppendsAfter(afterId) {
      ownAppends = ownAppends.filter((range) => range.lastId > afterId);
      return ownAppends;
    },
    get storedSinceSnapshot() {
      return storedSinceSnapshot;
    },
    markSnapshot() {
      storedSinceSnapshot = 0;
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

// Consecutive keystrokes by one person become one row: fewer rows to write and
// load, authorship kept. Yjs updates commute, so merging within a batch is safe.
function mergeByAuthor(batch: PendingUpdate[]): PendingUpdate[] {
  const byAuthor = new Map<string | null, Uint8Array[]>();
  for (const entry of batch) {
    const list = byAuthor.get(entry.authorId) ?? [];
    list.push(entry.update);
    byAuthor.set(entry.authorId, list);
  }
  return [...byAuthor].map(([authorId, updates]) => ({
    authorId,
    update: updates.length === 1 ? updates[0]! : mergeUpdatesBounded(updates),
  }));
}
