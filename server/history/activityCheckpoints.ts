// Automatic checkpoints while people write: once editing has gone on for the
// checkpoint interval since the last checkpoint of this room, and when the
// room closes (the last editor left) with edits not yet in a version. The
// sync server's room calls these; the version itself is taken by versions.ts.
import * as Y from "yjs";
import { takeCheckpointIfNew } from "./versions";

/** Minutes of editing between automatic checkpoints unless CHECKPOINT_INTERVAL_SECONDS says otherwise. */
export const DEFAULT_CHECKPOINT_INTERVAL_SECONDS = 5 * 60;

export function checkpointIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.CHECKPOINT_INTERVAL_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_CHECKPOINT_INTERVAL_SECONDS) * 1000;
}

export type CheckpointLogger = { error: (message: string, fields?: Record<string, unknown>) => void };

export class ActivityCheckpoints {
  /** Checkpoints being written, by every room: shutdown waits for them before the database stops. */
  private static readonly inFlight = new Set<Promise<unknown>>();

  static async settleAll(): Promise<void> {
    await Promise.allSettled([...ActivityCheckpoints.inFlight]);
  }

  /** When the first edit since this room's last checkpoint was stored. */
  private editingSince: number | undefined;

  constructor(
    private readonly documentId: string,
    private readonly logger: CheckpointLogger,
    private readonly intervalMs = checkpointIntervalMs(),
  ) {}

  /** After edits reached the update log: a checkpoint when the interval of editing is over. */
  noteStored(doc: Y.Doc, lastStoredId: bigint): void {
    const now = Date.now();
    this.editingSince ??= now;
    if (now - this.editingSince < this.intervalMs) return;
    this.editingSince = undefined;
    this.take(doc, lastStoredId, this.intervalMs);
  }

  /**
   * When the room unloads (everything stored): a checkpoint of what this
   * session wrote. Not awaited by the unload: a restore holds the version lock
   * while it waits for an unloading room, and the checkpoint needs that lock.
   */
  beforeUnload(doc: Y.Doc, lastStoredId: bigint): void {
    if (this.editingSince === undefined) return;
    this.editingSince = undefined;
    this.take(doc, lastStoredId, 0);
  }

  // The state is encoded now, synchronously: the room's doc keeps changing
  // (and is destroyed after unload) while the version waits for its turn in
  // the document's version lock, which also keeps this room's checkpoints in order.
  private take(doc: Y.Doc, lastStoredId: bigint, minAgeMs: number): void {
    const state = Y.encodeStateAsUpdate(doc);
    const pending = takeCheckpointIfNew(this.documentId, state, lastStoredId, minAgeMs).catch((error: unknown) =>
      this.logger.error("checkpoint failed", { documentId: this.documentId, error: String(error) }),
    );
    ActivityCheckpoints.inFlight.add(pending);
    void pending.finally(() => ActivityCheckpoints.inFlight.delete(pending));
  }
}
