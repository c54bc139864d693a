// Rule K1: every interval the server pings each socket and terminates the ones
// that did not answer the previous ping (a dead peer would otherwise hold its
// presence forever); a client that heard nothing for an interval gets an
// empty awareness message, because y-websocket reconnects after 30 s of silence.
import type { Connection } from "../Connection";
import type { CollabExtension, CollabServerHandle } from "../extension";
import { encodeAwareness } from "../protocol";
import { encodeAwarenessEntries } from "../awarenessUpdate";
import type { Room } from "../Room";

/** Must stay well under y-websocket's 30 s silence timeout. */
export const KEEPALIVE_INTERVAL_MS = 10_000;

const EMPTY_AWARENESS_MESSAGE = encodeAwareness(encodeAwarenessEntries([]));

export class KeepAliveExtension implements CollabExtension {
  readonly name = "keep-alive";

  constructor(private readonly intervalMs = KEEPALIVE_INTERVAL_MS) {}

  onConfigure(server: CollabServerHandle): () => void {
    const timer = setInterval(() => {
      for (const room of server.rooms.values()) keepAlive(room, this.intervalMs);
    }, this.intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  onConnect({ connection }: { room: Room; connection: Connection }): void {
    connection.socket.on("pong", () => (connection.answeredPing = true));
  }
}

function keepAlive(room: Room, idleMs: number): void {
  const now = Date.now();
  for (const connection of room.connections) {
    if (!connection.answeredPing) {
      connection.socket.terminate();
      continue;
    }
    connection.answeredPing = false;
    connection.socket.ping();
    if (now - connection.lastSentAt >= idleMs) connection.send(EMPTY_AWARENESS_MESSAGE);
  }
}
