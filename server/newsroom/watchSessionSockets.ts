// The newsroom channel's sockets live no longer than their sessions, as the
// sync server's do (rule A8, SessionsExtension): an ended session — signed
// out, "sign out everywhere", user disabled, announced from any process
// through PostgreSQL's NOTIFY — closes its dashboards' sockets with 4401, and
// a periodic check catches what a notification could miss (the listener
// reconnecting) and sessions that simply expired.
import { CloseCode } from "../../lib/closeCodes";
import { listenForRevocations, type RevocationListener, type SessionRevocation } from "../auth/sessionRevocations";
import { findLiveSessions } from "../auth/sessions";
import { getLogger } from "../log";

export type WatchedSocket = { sessionId: string; userId: string; close: (code: number, reason: string) => void };

export type SessionSocketsWatch = {
  /** Watches a socket until the returned function is called (on its close). */
  add(socket: WatchedSocket): () => void;
  /** Closes the sockets of ended sessions (what a notification does). */
  endSessions(revocation: SessionRevocation): void;
  check(): Promise<void>;
  stop(): Promise<void>;
};

export function watchSessionSockets(
  options: {
    checkIntervalMs?: number;
    listen?: (handlers: Parameters<typeof listenForRevocations>[1]) => RevocationListener;
    findLive?: typeof findLiveSessions;
    onError?: (message: string, error: unknown) => void;
  } = {},
): SessionSocketsWatch {
  const sockets = new Set<WatchedSocket>();
  const onError = options.onError ?? ((message, error) => getLogger().error({ component: "newsroom-channel", err: error }, message));
  const end = (socket: WatchedSocket, code: number, reason: string) => {
    sockets.delete(socket);
    socket.close(code, reason);
  };

  const endSessions = (revocation: SessionRevocation) => {
    const ids = "sessionIds" in revocation ? new Set(revocation.sessionIds) : undefined;
    for (const socket of [...sockets]) {
      if (ids ? ids.has(socket.sessionId) : socket.userId === (revocation as { userId: string }).userId) {
        end(socket, CloseCode.unauthorized, "Your session has ended; sign in again");
      }
    }
  };

  let checking: Promise<void> | undefined;
  const checkNow = async () => {
    const watched = [...sockets];
    if (watched.length === 0) return;
    let live: Map<string, unknown>;
    try {
      live = await (options.findLive ?? findLiveSessions)([...new Set(watched.map((socket) => socket.sessionId))]);
    } catch (error) {
      // Fail closed, as the sync server does: the dashboards reconnect and are admitted afresh.
      onError("session check failed; closing the sockets it covered", error);
      for (const socket of watched) end(socket, CloseCode.internalError, "Could not check your session; reconnect");
      return;
    }
    for (const socket of watched) {
      if (sockets.has(socket) && !live.has(socket.sessionId)) end(socket, CloseCode.unauthorized, "Your session has ended; sign in again");
    }
  };
  const check = () => (checking ??= checkNow().finally(() => (checking = undefined)));

  const listen =
    options.listen ??
    ((handlers) => {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set: session revocations are announced through PostgreSQL");
      return listenForRevocations(url, handlers);
    });
  const listener = listen({ onRevocation: endSessions, onReconnect: () => void check(), onError: (error) => onError("revocation listener failed; reconnecting", error) });
  const timer = setInterval(() => void check(), options.checkIntervalMs ?? 30_000);
  timer.unref();

  return {
    add(socket) {
      sockets.add(socket);
      return () => sockets.delete(socket);
    },
    endSessions,
    check,
    async stop() {
      clearInterval(timer);
      sockets.clear();
      await listener.close();
    },
  };
}
