// Rule A8: a socket lives no longer than its session. When a session ends —
// signed out, "sign out everywhere", its user disabled (all announced through
// PostgreSQL's NOTIFY, from any process), or expired — its sockets close with
// 4401. A periodic check (every 30 s) catches what a notification could miss
// (the listener reconnecting) and re-reads each session's newsroom role: a
// changed role re-resolves the document role, and a check that fails closes
// the sockets it could not check with 1011 (fail closed: they reconnect and
// are admitted afresh). Nothing here runs per update: only timers and
// notifications.
import { CloseCode } from "../../../lib/closeCodes";
import { listenForRevocations, type RevocationListener, type SessionRevocation } from "../../auth/sessionRevocations";
import { findLiveSessions } from "../../auth/sessions";
import { findDocumentRole } from "../../documents/documentAccess";
import type { Connection } from "../Connection";
import { sessionOf } from "../connectionSessions";
import type { CollabExtension } from "../extension";
import type { Room } from "../Room";
import type { FindDocumentRole } from "./AuthorizationExtension";

export const SESSION_CHECK_INTERVAL_MS = 30_000;

export type SessionsExtensionOptions = {
  checkIntervalMs?: number;
  /** Subscribes to revocations (PostgreSQL LISTEN unless given). */
  listen?: (handlers: Parameters<typeof listenForRevocations>[1]) => RevocationListener;
  findLive?: typeof findLiveSessions;
  findRole?: FindDocumentRole;
  logger?: { error: (message: string, fields?: Record<string, unknown>) => void };
};

export class SessionsExtension implements CollabExtension {
  readonly name = "sessions";
  private readonly open = new Map<Connection, Room>();
  private readonly expiryTimers = new Map<Connection, NodeJS.Timeout>();
  private readonly checkIntervalMs: number;
  private checking: Promise<void> | undefined;

  constructor(private readonly options: SessionsExtensionOptions = {}) {
    this.checkIntervalMs = options.checkIntervalMs ?? SESSION_CHECK_INTERVAL_MS;
  }

  onConfigure(): () => void {
    const listen = this.options.listen ?? ((handlers) => listenForRevocations(requireDatabaseUrl(), handlers));
    const listener = listen({
      onRevocation: (revocation) => this.endSessions(revocation),
      onReconnect: () => void this.check(),
      onError: (error) => this.options.logger?.error("session revocation listener failed; reconnecting", { error: String(error) }),
    });
    const timer = setInterval(() => void this.check(), this.checkIntervalMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      for (const expiry of this.expiryTimers.values()) clearTimeout(expiry);
      this.expiryTimers.clear();
      void listener.close();
    };
  }

  onConnect({ room, connection }: { room: Room; connection: Connection }): void {
    const session = sessionOf(connection);
    if (!session) return;
    this.open.set(connection, room);
    this.scheduleExpiry(connection, session.expiresAt);
  }

  onDisconnect({ connection }: { connection: Connection }): void {
    this.open.delete(connection);
    clearTimeout(this.expiryTimers.get(connection));
    this.expiryTimers.delete(connection);
  }

  /** Closes the sockets of sessions that ended (a notification). */
  endSessions(revocation: SessionRevocation): void {
    const ids = "sessionIds" in revocation ? new Set(revocation.sessionIds) : undefined;
    for (const connection of this.open.keys()) {
      const ended = ids ? ids.has(sessionOf(connection)!.id) : connection.actor.id === (revocation as { userId: string }).userId;
      if (ended) this.close(connection, CloseCode.unauthorized, "Your session has ended; sign in again");
    }
  }

  /** The periodic check; one at a time. */
  check(): Promise<void> {
    this.checking ??= this.checkNow().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkNow(): Promise<void> {
    const connections = [...this.open];
    if (connections.length === 0) return;
    const findLive = this.options.findLive ?? findLiveSessions;
    let live;
    try {
      live = await findLive([...new Set(connections.map(([connection]) => sessionOf(connection)!.id))]);
    } catch (error) {
      this.options.logger?.error("session check failed; closing the sockets it covered", { error: String(error) });
      for (const [connection] of connections) this.close(connection, CloseCode.internalError, "Could not check your session; reconnect");
      return;
    }
    for (const [connection, room] of connections) {
      if (!this.open.has(connection)) continue;
      const session = live.get(sessionOf(connection)!.id);
      if (!session) {
        this.close(connection, CloseCode.unauthorized, "Your session has ended; sign in again");
        continue;
      }
      this.scheduleExpiry(connection, session.expiresAt);
      if (session.role !== connection.actor.role) {
        connection.actor.role = session.role;
        await this.reauthorize(room, connection);
      }
    }
  }

  private async reauthorize(room: Room, connection: Connection): Promise<void> {
    const findRole = this.options.findRole ?? findDocumentRole;
    try {
      const role = await findRole(connection.actor, room.documentId);
      if (role) connection.role = role;
      else this.close(connection, CloseCode.notFound, "Your access to this document was removed");
    } catch {
      this.close(connection, CloseCode.internalError, "Could not check your access; reconnect");
    }
  }

  // Node's timers hold at most ~24.8 days and sessions last 30: a timer is set
  // only for sessions that end before the next check or two; the checks set
  // the others' when their time comes.
  private scheduleExpiry(connection: Connection, expiresAt: Date): void {
    const remaining = expiresAt.getTime() - Date.now();
    if (remaining > 2 * this.checkIntervalMs || this.expiryTimers.has(connection)) return;
    const timer = setTimeout(() => this.close(connection, CloseCode.unauthorized, "Your session has expired; sign in again"), Math.max(0, remaining));
    timer.unref();
    this.expiryTimers.set(connection, timer);
  }

  private close(connection: Connection, code: number, reason: string): void {
    // The room removes the connection when its socket reports the close (onDisconnect then forgets it).
    this.open.delete(connection);
    clearTimeout(this.expiryTimers.get(connection));
    this.expiryTimers.delete(connection);
    connection.close(code, reason);
  }
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: session revocations are announced through PostgreSQL");
  return url;
}
