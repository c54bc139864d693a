// Rule H2: automatic versions while people write — once editing has gone on
// for the checkpoint interval, and when the room unloads with edits not yet
// in a version. Versions cover a log position, so this listens to what the
// persistence extension reports as stored. Versions live in PostgreSQL: tested
// in test/integration/history.versions.test.ts (H2).
import { ActivityCheckpoints } from "../../history/activityCheckpoints";
import type { CollabExtension, StoreReason } from "../extension";
import type { Room, RoomLogger } from "../Room";

export class CheckpointsExtension implements CollabExtension {
  readonly name = "checkpoints";
  private readonly rooms = new Map<Room, { checkpoints: ActivityCheckpoints; lastStoredId: bigint }>();

  constructor(private readonly logger: RoomLogger) {}

  async onLoadDocument({ room }: { room: Room }): Promise<void> {
    this.rooms.set(room, { checkpoints: new ActivityCheckpoints(room.documentId, this.logger), lastStoredId: 0n });
  }

  afterStoreUpdates({ room, lastStoredId }: { room: Room; lastStoredId: bigint }): void {
    const state = this.rooms.get(room);
    if (!state) return;
    state.lastStoredId = lastStoredId;
    state.checkpoints.noteStored(room.doc, lastStoredId);
  }

  // Runs after the persistence extension's store (list order): everything is in the log.
  async onStoreDocument({ room, reason }: { room: Room; reason: StoreReason }): Promise<void> {
    const state = this.rooms.get(room);
    if (state && (reason === "unload" || reason === "shutdown")) state.checkpoints.beforeUnload(room.doc, state.lastStoredId);
  }

  afterUnloadDocument({ room }: { room: Room }): void {
    this.rooms.delete(room);
  }

  async onDestroy(): Promise<void> {
    await ActivityCheckpoints.settleAll();
  }
}
