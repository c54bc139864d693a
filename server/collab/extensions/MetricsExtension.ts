// Sync-server figures for GET /api/metrics, from the extension hooks only:
// connections and open rooms, updates and bytes received, messages and bytes
// sent, fan-out lag (a change applied → the next sync message out of that
// room) and persistence lag (accepted → stored: the age of the oldest update
// each completed log write held, so every stored update's lag is at most
// what was observed for its write). First in the list of update hooks: it
// counts every update, also those that later hooks drop or refuse.
import type { Connection } from "../Connection";
import type { CollabExtension, CollabServerHandle } from "../extension";
import type { Room } from "../Room";
import { getMetrics, type NewsroomMetrics } from "../../metrics/metrics";
import { MessageType } from "../protocol";

type RoomTimes = { changedAt?: number };

export class MetricsExtension implements CollabExtension {
  readonly name = "metrics";
  private readonly times = new WeakMap<Room, RoomTimes>();

  constructor(private readonly metrics: NewsroomMetrics = getMetrics()) {}

  onConfigure(server: CollabServerHandle): () => void {
    // Read when scraped, so they are never out of step with the server.
    const collectRooms = () => this.metrics.openRooms.set(server.rooms.size);
    const collectConnections = () => {
      let connections = 0;
      for (const room of server.rooms.values()) connections += room.connections.size;
      this.metrics.connections.set(connections);
    };
    const rooms = this.metrics.openRooms as unknown as { collect?: () => void };
    const sockets = this.metrics.connections as unknown as { collect?: () => void };
    rooms.collect = collectRooms;
    sockets.collect = collectConnections;
    return () => {
      rooms.collect = undefined;
      sockets.collect = undefined;
    };
  }

  onConnect({ room, connection }: { room: Room; connection: Connection }): void {
    // Every message the room sends this client goes through Connection.send: count it there.
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      if (connection.isOpen) {
        this.metrics.messagesSent.inc();
        this.metrics.bytesSent.inc(message.byteLength);
        if (message[0] === MessageType.sync) this.observeFanOut(room);
      }
      send(message);
    };
  }

  beforeApplyUpdate({ update }: { update: Uint8Array }): undefined {
    this.metrics.updatesReceived.inc();
    this.metrics.updateBytesReceived.inc(update.byteLength);
    return undefined;
  }

  onChange({ room }: { room: Room }): void {
    const times = this.timesOf(room);
    times.changedAt ??= performance.now();
  }

  afterStoreUpdates({ oldestAcceptedAt }: { oldestAcceptedAt?: number }): void {
    if (oldestAcceptedAt !== undefined) this.metrics.persistenceLag.observe((performance.now() - oldestAcceptedAt) / 1000);
  }

  private observeFanOut(room: Room): void {
    const times = this.times.get(room);
    if (times?.changedAt === undefined) return;
    this.metrics.fanOutLag.observe((performance.now() - times.changedAt) / 1000);
    times.changedAt = undefined;
  }

  private timesOf(room: Room): RoomTimes {
    let times = this.times.get(room);
    if (!times) {
      times = {};
      this.times.set(room, times);
    }
    return times;
  }
}

/**
 * The persistence extension reports a failed write (retried) or compaction
 * through the room logger, and has no hook for it: counted here by message,
 * so persistence needs no dependency on metrics.
 */
export function countingWriteErrors<Logger extends { error: (message: string, fields?: Record<string, unknown>) => void }>(
  logger: Logger,
  metrics: NewsroomMetrics = getMetrics(),
): Logger {
  return {
    ...logger,
    error: (message: string, fields?: Record<string, unknown>) => {
      if (message.startsWith("update log write failed")) metrics.writeErrors.inc({ kind: "update_log" });
      else if (message.startsWith("compaction failed")) metrics.writeErrors.inc({ kind: "compaction" });
      logger.error(message, fields);
    },
  };
}
