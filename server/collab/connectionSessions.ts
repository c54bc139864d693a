// Which session each connection was admitted with. Authentication learns it
// (from the cookie) before the connection exists; the connection is built
// with the actor object authentication filled in, so the actor is the key
// that links the two without widening the Connection class.
import type { Actor } from "../policies";
import type { Connection } from "./Connection";

export type ConnectionSession = { id: string; expiresAt: Date };

const sessions = new WeakMap<Actor, ConnectionSession>();

export function rememberSession(actor: Actor, session: ConnectionSession): void {
  sessions.set(actor, session);
}

export function sessionOf(connection: Connection): ConnectionSession | undefined {
  return sessions.get(connection.actor);
}
