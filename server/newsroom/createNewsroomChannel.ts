// The newsroom-wide live channel: a websocket at /live/newsroom that pushes
// NewsroomEvents to open dashboards, each only about documents its user may
// see. Separate from the sync server (which serves one document per socket):
// nothing here touches rooms or the /collab/<documentId> contract. The client
// sends nothing; anything it sends closes the socket.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode } from "../../lib/closeCodes";
import type { NewsroomEvent } from "../../lib/newsroomEvents";
import { authenticateUpgrade } from "../auth/authenticateUpgrade";
import type { SessionUser } from "../auth/sessionUser";
import { isSameOrigin } from "../collab/extensions/AuthenticationExtension";
import { findDocumentRole } from "../documents/documentAccess";
import { documentRoleFor } from "../policies";
import { subscribeNewsroomEvents } from "./newsroomEvents";
import { watchSessionSockets, type SessionSocketsWatch } from "./watchSessionSockets";

/** Idle sockets are pinged so proxies keep them open and dead peers are noticed. */
const PING_MS = 30_000;
/** A dashboard tab or two per person; more from one user is a leak or abuse. */
const MAX_SOCKETS_PER_USER = 8;

export type NewsroomChannel = {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
  /** Open sockets (tests). */
  readonly size: number;
};

type Listener = { socket: WebSocket; user: SessionUser; alive: boolean };

export function createNewsroomChannel(options: { authSecret: string; sessions?: SessionSocketsWatch }): NewsroomChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const listeners = new Set<Listener>();
  // A signed-out session's dashboards stop hearing about the newsroom at once (4401).
  const sessions = options.sessions ?? watchSessionSockets();

  const unsubscribe = subscribeNewsroomEvents((event) => {
    for (const listener of listeners) void deliver(listener, event);
  });
  const pinger = setInterval(() => {
    for (const listener of listeners) {
      if (!listener.alive) listener.socket.terminate();
      else {
        listener.alive = false;
        listener.socket.ping();
      }
    }
  }, PING_MS);
  pinger.unref();

  async function deliver(listener: Listener, event: NewsroomEvent) {
    // Newsroom editors see every document; others only those they are members of.
    const seesAll = documentRoleFor(listener.user, null) !== null;
    const visible = seesAll || (await findDocumentRole(listener.user, event.documentId).catch(() => null)) !== null;
    if (visible && listener.socket.readyState === listener.socket.OPEN) listener.socket.send(JSON.stringify(event));
  }

  async function admit(socket: WebSocket, request: IncomingMessage) {
    socket.on("error", () => socket.terminate());
    let session: Awaited<ReturnType<typeof authenticateUpgrade>>;
    try {
      session = await authenticateUpgrade(request, options.authSecret);
    } catch {
      return socket.close(CloseCode.internalError, "Authentication unavailable");
    }
    if (!session) return socket.close(CloseCode.unauthorized, "Sign in required");
    // Closed while we were checking (a tab closed at once, React's dev double mount): its
    // "close" event has fired already, so a listener added now would never be removed,
    // and would count against the user's limit until the server restarts.
    if (socket.readyState !== socket.OPEN) return;
    const user: SessionUser = session.user;
    if (!isSameOrigin(request)) return socket.close(CloseCode.forbidden, "Cross-site connection refused");
    if ([...listeners].filter((listener) => listener.user.id === user.id).length >= MAX_SOCKETS_PER_USER) {
      return socket.close(CloseCode.tooManyConnections, "Too many live dashboards open");
    }
    const listener: Listener = { socket, user, alive: true };
    listeners.add(listener);
    socket.on("pong", () => (listener.alive = true));
    socket.on("message", () => socket.close(CloseCode.protocolError, "This channel only sends"));
    const unwatch = sessions.add({ sessionId: session.id, userId: user.id, close: (code, reason) => socket.close(code, reason) });
    socket.on("close", () => {
      listeners.delete(listener);
      unwatch();
    });
    // Tells the client it is admitted: from now on, nothing is missed.
    socket.send(JSON.stringify({ type: "ready" }));
  }

  return {
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => void admit(ws, request));
    },
    async close() {
      unsubscribe();
      clearInterval(pinger);
      await sessions.stop();
      for (const listener of listeners) listener.socket.close(CloseCode.goingAway, "Server stopping");
      listeners.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    get size() {
      return listeners.size;
    },
  };
}
