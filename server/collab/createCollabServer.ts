// The sync server: accepts websocket upgrades on /collab/<documentId>,
// authenticates them with the session cookie, authorizes against the
// document, and attaches the socket to the document's room. Rooms load on
// first connection and unload (after flushing) when the last one leaves.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { CloseCode, type CloseCodeValue } from "../../lib/closeCodes";
import { MAX_CONNECTIONS_PER_USER_PER_DOCUMENT, MAX_WS_FRAME_BYTES } from "../../lib/limits";
import { userColor } from "../../lib/userColor";
import { documentIdParam } from "../../lib/apiSchemas";
import { authenticateUpgrade } from "../auth/authenticateUpgrade";
import type { SessionUser } from "../auth/sessionUser";
import { findDocumentRole } from "../documents/documentAccess";
import { installDocumentEventSink } from "./documentEvents";
import { installLiveDocumentLookup } from "./liveDocuments";
import { installLiveDocumentControl } from "./serverEdits";
import { replaceDocumentContent } from "./replaceDocumentContent";
import { ActivityCheckpoints } from "../history/activityCheckpoints";
import { AppError } from "../errors";
import { createPrismaDocumentStore, type DocumentStore } from "./documentStore";
import { addPresence, removePresence } from "./presenceRegistry";
import { Room, type Connection, type RoomLogger } from "./Room";

export const COLLAB_PATH_PREFIX = "/collab/";
/** Keep-alive period; must stay well under y-websocket's 30 s silence timeout. */
export const KEEPALIVE_INTERVAL_MS = 10_000;

export type CollabServer = {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket, stores everything and unloads all rooms. */
  close(): Promise<void>;
  readonly rooms: ReadonlyMap<string, Room>;
};

export type CollabServerOptions = {
  authSecret: string;
  store?: DocumentStore;
  logger?: RoomLogger;
};

const defaultLogger: RoomLogger = {
  info: (message, fields) => console.log(`[collab] ${message}`, fields ?? ""),
  error: (message, fields) => console.error(`[collab] ${message}`, fields ?? ""),
};

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const store = options.store ?? createPrismaDocumentStore();
  const logger = options.logger ?? defaultLogger;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME_BYTES });
  const rooms = new Map<string, Room>();
  const loading = new Map<string, Promise<Room>>();
  const unloading = new Map<string, Promise<void>>();
  let closing = false;
  const keepAliveTimer = setInterval(() => {
    for (const room of rooms.values()) room.keepAlive(KEEPALIVE_INTERVAL_MS);
  }, KEEPALIVE_INTERVAL_MS);
  keepAliveTimer.unref();

  // Route handlers publish review events; they reach the room's sockets here.
  const uninstallEventSink = installDocumentEventSink((documentId, event, eventOptions) => {
    const room = rooms.get(documentId);
    if (!room) return;
    room.broadcastEvent(event);
    if (eventOptions.rolesChanged) void reauthorize(room);
  });

  const uninstallLiveLookup = installLiveDocumentLookup((documentId) => rooms.get(documentId)?.doc);

  // Server edits (restores) go through the room so connected editors receive them.
  const uninstallLiveControl = installLiveDocumentControl({
    async replaceContent(documentId, authorId, content) {
      if (closing) throw new AppError("unavailable", "The server is shutting down");
      const room = await openRoom(documentId);
      try {
        room.applyServerEdit(authorId, (doc) => replaceDocumentContent(doc, content));
        await room.flushUpdates();
      } finally {
        void unloadRoomIfEmpty(room);
      }
    },
    async flush(documentId) {
      await rooms.get(documentId)?.flushUpdates();
    },
  });

  // Membership or review mode changed: every connection gets its current role
  // at once (a removed member is disconnected), without reconnecting.
  async function reauthorize(room: Room) {
    for (const connection of room.connections.values()) {
      const role = await findDocumentRole(connection.actor, room.documentId).catch(() => connection.role);
      if (role) connection.role = role;
      else connection.socket.close(CloseCode.notFound, "Your access to this document was removed");
    }
  }

  async function openRoom(documentId: string): Promise<Room> {
    await unloading.get(documentId);
    const open = rooms.get(documentId);
    if (open) return open;
    let pending = loading.get(documentId);
    if (!pending) {
      pending = (async () => {
        // Checkpoints are versions in PostgreSQL: only with the PostgreSQL store.
        const room = new Room(documentId, store, logger, { checkpoints: !options.store });
        try {
          await room.load();
        } catch (error) {
          room.destroy();
          throw error;
        }
        rooms.set(documentId, room);
        return room;
      })().finally(() => loading.delete(documentId));
      loading.set(documentId, pending);
    }
    return pending;
  }

  async function unloadRoomIfEmpty(room: Room): Promise<void> {
    if (room.connections.size > 0 || rooms.get(room.documentId) !== room) return;
    rooms.delete(room.documentId);
    const done = room
      .flush()
      .catch((error) => logger.error("flush on unload failed", { documentId: room.documentId, error: String(error) }))
      .finally(() => {
        room.destroy();
        unloading.delete(room.documentId);
      });
    unloading.set(room.documentId, done);
    await done;
  }

  function refuse(socket: WebSocket, code: CloseCodeValue, reason: string) {
    socket.close(code, reason);
  }

  async function onConnection(socket: WebSocket, request: IncomingMessage, documentId: string) {
    // Frames that arrive while we authenticate and load are held, in order,
    // up to a bound: a client may not pile up memory before it is admitted.
    const early: RawData[] = [];
    let earlyBytes = 0;
    const holdEarly = (data: RawData) => {
      earlyBytes += rawLength(data);
      if (earlyBytes > MAX_WS_FRAME_BYTES) return socket.close(CloseCode.messageTooBig, "Too much data before the document loaded");
      early.push(data);
    };
    socket.on("message", holdEarly);
    socket.on("error", () => socket.terminate());

    let user: SessionUser | null;
    try {
      user = await authenticateUpgrade(request, options.authSecret);
    } catch (error) {
      logger.error("authentication failed", { error: String(error) });
      return refuse(socket, CloseCode.internalError, "Authentication unavailable");
    }
    if (!user) return refuse(socket, CloseCode.unauthorized, "Sign in required");
    if (!isSameOrigin(request)) return refuse(socket, CloseCode.forbidden, "Cross-site connection refused");
    const role = await findDocumentRole(user, documentId).catch(() => null);
    if (!role) return refuse(socket, CloseCode.notFound, "Document not found");

    let room: Room;
    try {
      room = await openRoom(documentId);
    } catch (error) {
      logger.error("could not load document", { documentId, error: String(error) });
      return refuse(socket, CloseCode.internalError, "Could not load the document");
    }
    if (closing) return refuse(socket, CloseCode.goingAway, "Server shutting down");
    if (socket.readyState !== socket.OPEN) return void unloadRoomIfEmpty(room);
    const sameUser = [...room.connections.values()].filter((connection) => connection.user.id === user.id).length;
    if (sameUser >= MAX_CONNECTIONS_PER_USER_PER_DOCUMENT) {
      refuse(socket, CloseCode.tooManyConnections, "Too many open connections to this document");
      return void unloadRoomIfEmpty(room);
    }

    const identity = { id: user.id, name: user.name, color: userColor(user.id) };
    const connection = room.addConnection(socket, { id: user.id, role: user.role }, identity, role);
    addPresence(documentId, identity);
    const onMessage = (data: RawData) => handleFrame(room, connection, data);
    socket.off("message", holdEarly);
    socket.on("message", onMessage);
    socket.once("close", () => {
      room.removeConnection(socket);
      removePresence(documentId, identity.id);
      void unloadRoomIfEmpty(room);
    });
    for (const data of early) onMessage(data);
  }

  function handleFrame(room: Room, connection: Connection, data: RawData) {
    try {
      room.handleMessage(connection, toUint8Array(data));
    } catch (error) {
      // One client's bad frame closes that client only; the room and others carry on.
      logger.info("closing connection after a malformed frame", { documentId: room.documentId, error: String(error) });
      connection.socket.close(CloseCode.protocolError, "Malformed message");
    }
  }

  return {
    rooms,
    handleUpgrade(request, socket, head) {
      const documentId = parseDocumentId(request.url);
      if (closing || !documentId) {
        socket.write(`HTTP/1.1 ${closing ? "503 Service Unavailable" : "404 Not Found"}\r\nConnection: close\r\n\r\n`);
        socket.destroy();
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        void onConnection(ws, request, documentId).catch((error) => {
          logger.error("connection setup failed", { documentId, error: String(error) });
          ws.close(CloseCode.internalError, "Server error");
        });
      });
    },
    async close() {
      closing = true;
      clearInterval(keepAliveTimer);
      uninstallEventSink();
      uninstallLiveLookup();
      uninstallLiveControl();
      await Promise.allSettled([...loading.values()]);
      // Taken out of the map first so the sockets' close handlers leave them to us.
      const open = [...rooms.values()];
      rooms.clear();
      for (const room of open) {
        for (const connection of room.connections.values()) connection.socket.close(CloseCode.goingAway, "Server shutting down");
      }
      await Promise.allSettled(open.map((room) => room.flush().finally(() => room.destroy())));
      await Promise.allSettled([...unloading.values()]);
      await ActivityCheckpoints.settleAll();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** The document id of a /collab/<documentId>[?…] URL, or null when it is not one. */
export function parseDocumentId(url: string | undefined): string | null {
  if (!url?.startsWith(COLLAB_PATH_PREFIX)) return null;
  const raw = url.slice(COLLAB_PATH_PREFIX.length).split("?")[0] ?? "";
  const parsed = documentIdParam.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

// Browsers send Origin on websocket handshakes and attach cookies even for
// cross-site pages in some configurations: a page elsewhere must not be able
// to open a socket with our user's session (cross-site websocket hijacking).
// Clients without Origin (server-side tools, tests) are unaffected.
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set([request.headers.host]);
  if (process.env.NEXTAUTH_URL) allowed.add(new URL(process.env.NEXTAUTH_URL).host);
  return allowed.has(originHost);
}

function rawLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return data.byteLength;
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
