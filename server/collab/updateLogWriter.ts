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

export type UpdateLogWriterOptions = {
  documentId: string;
  store: DocumentStore;
  lastStoredId: bigint;
  storedSinceSnapshot: number;
  /**
   * Other nodes append to the same log (several nodes): remember this
   * writer's appends so that a catch-up can skip them. Alone on the log the
   * list would only grow, one entry per append for as long as the room is open.
   */
  rememberAppends?: boolean;
  /** After each append: how many queued updates it stored, and when the oldest of them was accepted (performance.now()). */
  onStored?: (count: number, oldestAcceptedAt: number) => void;
  onError: (error: unknown) => void;
};

/** A queued update and when the room accepted it (performance.now()), for the persistence-lag metric. */
type QueuedUpdate = PendingUpdate & { acceptedAt: number };

// A class rather than a closure-built object: one writer lives per open
// room, and a class instance with prototype methods is a fraction of the
// size of a dozen closures and a dictionary-mode object of getters.
export class UpdateLogWriter {
  private queue: QueuedUpdate[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private ownAppends: AppendedRows[] = [];
  private retryDelay = FLUSH_DELAY_MS;
  private disposed = false;
  private _lastStoredId: bigint;
  private _storedSinceSnapshot: number;
  private _enqueuedCount = 0;
  private _storedCount = 0;

  constructor(private readonly options: UpdateLogWriterOptions) {
    this._lastStoredId = options.lastStoredId;
    this._storedSinceSnapshot = options.storedSinceSnapshot;
  }

  get lastStoredId(): bigint {
    return this._lastStoredId;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  /** Updates enqueued, and stored, since the writer was made: an update is stored once storedCount passes its enqueue number. */
  get enqueuedCount(): number {
    return this._enqueuedCount;
  }

  get storedCount(): number {
    return this._storedCount;
  }

  /** Entries appended since the last snapshot (for compaction decisions). */
  get storedSinceSnapshot(): number {
    return this._storedSinceSnapshot;
  }

  enqueue(update: PendingUpdate, acceptedAt = performance.now()): void {
    this._enqueuedCount++;
    this.queue.push({ authorId: update.authorId, update: update.update, acceptedAt });
    this.schedule(FLUSH_DELAY_MS);
  }

  // One write at a time, so log ids follow the order updates were accepted:
  // one loop of bounded appends runs until the queue is empty, and a flush
  // asked for meanwhile waits for it (and runs its own if more came in).
  /** Writes everything queued so far; resolves when it is stored. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.queue.length === 0) return;
    this.flushing = (async () => {
      while (this.queue.length > 0) {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = undefined;
        }
        await this.writeBatch();
      }
    })().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /** This writer's appends with rows after `afterId` (older ones are forgotten): what a catch-up need not read back. */
  ownAppendsAfter(afterId: bigint): readonly AppendedRows[] {
    this.ownAppends = this.ownAppends.filter((range) => range.lastId > afterId);
    return this.ownAppends;
  }

  markSnapshot(): void {
    this._storedSinceSnapshot = 0;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(this.onTimer, delay);
  }

  private onTimer = (): void => {
    this.timer = undefined;
    void this.flush().catch(() => {});
  };

  private async writeBatch(): Promise<void> {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count]!.update.byteLength <= MAX_APPEND_BYTES)) {
      bytes += this.queue[count]!.update.byteLength;
      count++;
    }
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    try {
      const rows = mergeByAuthor(batch);
      const appended = await this.options.store.append(this.options.documentId, rows);
      this._lastStoredId = appended.lastId;
      if (this.options.rememberAppends) this.ownAppends.push(appended);
      this._storedSinceSnapshot += rows.length;
      this._storedCount += batch.length;
      this.retryDelay = FLUSH_DELAY_MS;
      this.options.onStored?.(batch.length, batch[0]!.acceptedAt);
    } catch (error) {
      // Keep order: the failed batch goes back in front of anything queued since.
      this.queue = batch.concat(this.queue);
      this.options.onError(error);
      this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
      this.schedule(this.retryDelay);
      throw error;
    }
  }
}

export function createUpdateLogWriter(options: UpdateLogWriterOptions): UpdateLogWriter {
  return new UpdateLogWriter(options);
}

// Consecutive keystrokes by one person become one row: fewer rows to write and
// load, authorship kept. Yjs updates commute, so merging within a batch is safe.
function mergeByAuthor(batch: readonly PendingUpdate[]): PendingUpdate[] {
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
