// Rule A4: presence is the session's. Awareness entries are accepted only for
// client ids the connection owns (claimed on first use, a few per connection,
// never one another connection holds), and each state's `user` is replaced
// with the identity from the session.
import { sanitizeAwarenessEntries, type AwarenessEntry } from "../awarenessUpdate";
import type { Connection } from "../Connection";
import type { CollabExtension } from "../extension";
import type { Room } from "../Room";

/** Client ids one connection may own (a reconnecting editor keeps its id). */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

export class PresenceStampExtension implements CollabExtension {
  readonly name = "presence-stamp";

  onAwarenessUpdate({ room, connection, entries }: { room: Room; connection: Connection; entries: AwarenessEntry[] }): AwarenessEntry[] {
    return sanitizeAwarenessEntries(entries, connection.user, (clientId) => claimAwarenessId(room, connection, clientId));
  }
}

function claimAwarenessId(room: Room, connection: Connection, clientId: number): boolean {
  if (connection.awarenessIds.has(clientId)) return true;
  for (const other of room.connections) if (other.awarenessIds.has(clientId)) return false;
  if (connection.awarenessIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) return false;
  connection.awarenessIds.add(clientId);
  return true;
}
