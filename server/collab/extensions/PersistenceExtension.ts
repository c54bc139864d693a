// Rules P1, P2, P4: a room's document is loaded from the store (snapshot plus
// the log after it), every update accepted on this node is appended to the
// update log behind the room (write-behind, within FLUSH_DELAY_MS plus one
// insert), and the log is compacted into a snapshot after COMPACT_AFTER_ROWS
// rows (not more often than minSnapshotIntervalMs) and whenever the room
// unloads or the server stops. Loaded and relayed updates are never stored
// again (rule S3).
//
// With several nodes (rule P5) others append to the same log: the room's
// document holds every row up to `coveredThroughId` only once a catch-up has
// read them back, so that — not this node's last append — is what a snapshot
// or a checkpoint may claim to cover.
import * as Y from "yjs";
import { snapshotOf, type DocumentStore, type PendingUpdate } from "../documentStore";
import type { CollabExtension, StoreReason } from "../extension";
import { acceptedUpdates, CATCH_UP_ORIGIN, LOAD_ORIGIN, type UpdateOrigin } from "../origins";
import type { Room, RoomLogger } from "../Room";
import { createUpdateLogWriter, type UpdateLogWriter } from "../updateLogWriter";

/** Compact the log into a snapshot after this many rows were appended… */
export const COMPACT_AFTER_ROWS = 200;
/** …but not more often than this: with many editors 200 rows take seconds, and a snapshot costs a full encode and write. */
export const MIN_SNAPSHOT_INTERVAL_MS = 30_000;

export type PersistenceOptions = {
  store: DocumentStore;
  logger: RoomLogger;
  compactAfterRows?: number;
  minSnapshotIntervalMs?: number;
  /** Other nodes append to the same log (multi-node mode): coverage advances by catch-up only. */
  sharedLog?: boolean;
};

type RoomPersistence = {
  writer: UpdateLogWriter;
  compacting: Promise<void> | undefined;
  lastSnapshotAt: number;
  /** Every log row up to this id is in the room's document. */
  coveredThroughId: bigint;
  catchingUp: Promise<number> | undefined;
};

export class PersistenceExtension implements CollabExtension {
  readonly name = "persistence";
  private readonly rooms = new Map<Room, RoomPersistence>();
  private readonly compactAfterRows: number;
  private readonly minSnapshotIntervalMs: number;

  constructor(private readonly options: PersistenceOptions) {
    this.compactAfterRows = options.compactAfterRows ?? COMPACT_AFTER_ROWS;
    this.minSnapshotIntervalMs = options.minSnapshotIntervalMs ?? MIN_SNAPSHOT_INTERVAL_MS;
  }

  async onLoadDocument({ room }: { room: Room }): Promise<void> {
    const { store, logger } = this.options;
    const loaded = await store.load(room.documentId);
    // A snapshot alone (what every unload leaves) is the whole stored state:
    // clients waiting for the room may have it before the room has decoded it.
    if (loaded.snapshotStateVector && loaded.tailLength === 0) room.offerStoredState(loaded.updates[0]!, loaded.snapshotStateVector);
    applyStored(room.doc, loaded.updates);
    const state: RoomPersistence = {
      writer: undefined as unknown as UpdateLogWriter,
      compacting: undefined,
      lastSnapshotAt: 0,
      coveredThroughId: loaded.lastUpdateId,
      catchingUp: undefined,
    };
    state.writer = createUpdateLogWriter({
      documentId: room.documentId,
      store,
      lastStoredId: loaded.lastUpdateId,
      storedSinceSnapshot: loaded.tailLength,
      rememberAppends: this.options.sharedLog,
      onStored: (_count, oldestAcceptedAt) => {
        // Alone on the log, this node's appends are every row there is.
        if (!this.options.sharedLog) state.coveredThroughId = state.writer.lastStoredId;
        this.compactIfDue(room, state);
        room.reportStored(state.coveredThroughId, oldestAcceptedAt);
      },
      onError: (error) => logger.error("update log write failed; will retry", { documentId: room.documentId, error: String(error) }),
    });
    this.rooms.set(room, state);
    this.compactIfDue(room, state);
  }

  onChange({ room, update, origin }: { room: Room; update: Uint8Array; origin: UpdateOrigin | undefined }): void {
    const writer = this.rooms.get(room)?.writer;
    if (!writer) return;
    for (const accepted of acceptedUpdates(update, origin)) writer.enqueue(accepted);
  }

  async onStoreDocument({ room, reason }: { room: Room; reason: StoreReason }): Promise<void> {
    const state = this.rooms.get(room);
    if (!state) return;
    if (reason === "request") return state.writer.flush();
    // A snapshot may be under way; the final one must come after it.
    await state.compacting;
    await state.writer.flush();
    if (state.writer.storedSinceSnapshot > 0) await this.compact(room, state);
  }

  /**
   * Applies the log rows after coveredThroughId that this node did not write
   * (other nodes' updates Redis did not deliver, or not yet): already stored,
   * so with CATCH_UP_ORIGIN. One at a time per room. Returns how many rows it applied.
   */
  catchUp(room: Room): Promise<number> {
    const state = this.rooms.get(room);
    if (!state) return Promise.resolve(0);
    state.catchingUp ??= (async () => {
      try {
        const from = state.coveredThroughId;
        const tail = await this.options.store.readLogAfter(room.documentId, from, state.writer.ownAppendsAfter(from));
        if (this.rooms.get(room) !== state) return 0;
        room.applyRelayed(tail.updates, CATCH_UP_ORIGIN);
        state.coveredThroughId = tail.lastUpdateId;
        return tail.updates.length;
      } finally {
        state.catchingUp = undefined;
      }
    })();
    return state.catchingUp;
  }

  /** Queues updates another node accepted but may not have stored (it stopped answering): stored like this node's own. */
  storeOnBehalf(room: Room, updates: readonly PendingUpdate[]): void {
    const writer = this.rooms.get(room)?.writer;
    for (const update of updates) writer?.enqueue(update);
  }

  /** How many updates the room's writer was given, and how many of them are stored (multi-node confirmations). */
  writeProgress(room: Room): { enqueued: number; stored: number } | undefined {
    const writer = this.rooms.get(room)?.writer;
    return writer && { enqueued: writer.enqueuedCount, stored: writer.storedCount };
  }

  afterUnloadDocument({ room }: { room: Room }): void {
    this.rooms.get(room)?.writer.dispose();
    this.rooms.delete(room);
  }

  // Every room has stored everything by now (the server closes them first).
  async onDestroy(): Promise<void> {
    await this.options.store.close?.();
  }

  private compactIfDue(room: Room, state: RoomPersistence): void {
    const due = Date.now() - state.lastSnapshotAt >= this.minSnapshotIntervalMs;
    if (state.writer.storedSinceSnapshot >= this.compactAfterRows && due && !state.compacting) {
      state.compacting = this.compact(room, state)
        .catch((error) => this.options.logger.error("compaction failed", { documentId: room.documentId, error: String(error) }))
        .finally(() => (state.compacting = undefined));
    }
  }

  // Everything in the log up to coveredThroughId is in the room's document, so
  // a snapshot of it may stand in for those rows. Updates still queued are in
  // the snapshot too and are stored after it; applying them again on load is
  // a no-op. With several nodes, the room first reads back what others wrote.
  private async compact(room: Room, state: RoomPersistence): Promise<void> {
    if (this.options.sharedLog) await this.catchUp(room);
    const upTo = state.coveredThroughId;
    const { state: encoded, stateVector } = snapshotOf(room.doc);
    await this.options.store.writeSnapshot(room.documentId, encoded, stateVector, upTo);
    state.writer.markSnapshot();
    state.lastSnapshotAt = Date.now();
  }
}

// Not an inline callback in onLoadDocument: a closure there would put `loaded`
// in the context the room's long-lived writer callbacks share, and keep every
// room's stored bytes (and the pg buffers they are sliced from) for as long
// as the room is open.
function applyStored(doc: Y.Doc, updates: readonly Uint8Array[]): void {
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update);
  }, LOAD_ORIGIN);
}
