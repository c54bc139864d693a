// Rule L4: at most MAX_CONNECTIONS_PER_USER_PER_DOCUMENT sockets per user per
// document (tabs, reconnect overlap); more are closed with 4429.
import { CloseCode } from "../../../lib/closeCodes";
import { MAX_CONNECTIONS_PER_USER_PER_DOCUMENT } from "../../../lib/limits";
import type { Connection } from "../Connection";
import { CollabRefusal, type CollabExtension } from "../extension";
import type { Room } from "../Room";

export class ConnectionLimitExtension implements CollabExtension {
  readonly name = "connection-limit";

  constructor(private readonly maxPerUser = MAX_CONNECTIONS_PER_USER_PER_DOCUMENT) {}

  onConnect({ room, connection }: { room: Room; connection: Connection }): void {
    let sameUser = 0;
    for (const other of room.connections) if (other.actor.id === connection.actor.id) sameUser++;
    if (sameUser >= this.maxPerUser) throw new CollabRefusal(CloseCode.tooManyConnections, "Too many open connections to this document");
  }
}
