// The sync server: accepts websocket upgrades on /collab/<documentId>, has the
// extensions authenticate and authorize them, and attaches each socket to its
// document's room. Rooms load on first connection and unload (after storing)
// when the last one leaves. Everything beyond transport and room lifecycle is
// an extension (defaultExtensions.ts).
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { CloseCode } from "../../lib/closeCodes";
import { MAX_WS_FRAME_BYTES } from "../../lib/limits";
import { documentIdParam } from "../../lib/apiSchemas";
import { getLogger } from "../log";
import { Connection } from "./Connection";
import { defaultExtensions, type DefaultExtensionOptions } from "./defaultExtensions";
import { CollabRefusal, ExtensionRunner, type CollabExtension, type CollabServerHandle } from "./extension";
import { encodeSyncStep2 } from "./protocol";
import { Room, type RoomLogger } from "./Room";

export const COLLAB_PATH_PREFIX = "/collab/";

export type CollabServer = {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket, stores everything and unloads all rooms. */
  close(): Promise<void>;
  readonly rooms: ReadonlyMap<string, Room>;
};

export type CollabServerOptions = Omit<DefaultExtensionOptions, "logger"> & {
  logger?: RoomLogger;
  /** Replaces the default extension list (defaultExtensions.ts). */
  extensions?: CollabExtension[];
};

type WaitingSocket = { socket: WebSocket; sentStoredState: Uint8Array | null };

const defaultLogger: RoomLogger = {
  info: (message, fields) => getLogger().info({ component: "collab", ...fields }, message),
  error: (message, fields) => getLogger().error({ component: "collab", ...fields }, message),
};

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const logger = options.logger ?? defaultLogger;
  const hooks = new ExtensionRunner(options.extensions ?? defaultExtensions({ ...options, logger }));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME_BYTES });
  const rooms = new Map<string, Room>();
  const loading = new Map<string, Promise<Room>>();
  /** Admitted-to-be sockets of each document, waiting for its room to load (rule S4). */
  const waiting = new Map<string, Set<WaitingSocket>>();
  const unloading = new Map<string, Promise<void>>();
  let closing = false;

  // Who is about to use a room: sockets being admitted and server edits,
  // counted per document from before the room is even loaded. A room is
  // unloaded only when it has neither connections nor holds; otherwise a
  // socket that closed while the room loaded could unload it under another
  // socket still being admitted to it.
  const holds = new Map<string, number>();
  const hold = (documentId: string, change: 1 | -1) => {
    const count = (holds.get(documentId) ?? 0) + change;
    if (count > 0) holds.set(documentId, count);
    else holds.delete(documentId);
  };

  /** The document's room, loaded if needed, held until releaseRoom. */
  async function openRoom(documentId: string): Promise<Room> {
    hold(documentId, 1);
    try {
      return await loadRoom(documentId);
    } catch (error) {
      hold(documentId, -1);
      throw error;
    }
  }

  async function releaseRoom(room: Room): Promise<void> {
    hold(room.documentId, -1);
    await unloadIfUnused(room);
  }

  async function loadRoom(documentId: string): Promise<Room> {
    await unloading.get(documentId);
    const open = rooms.get(documentId);
    if (open) return open;
    let pending = loading.get(documentId);
    if (!pending) {
      pending = (async () => {
        const room = new Room(documentId, hooks, logger);
        room.storedStateListener = (state, stateVector) => sendStoredState(documentId, state, stateVector);
        try {
          await room.load();
        } catch (error) {
          room.destroy();
          hooks.unloaded(room);
          throw error;
        }
        rooms.set(documentId, room);
        return room;
      })().finally(() => loading.delete(documentId));
      loading.set(documentId, pending);
    }
    return pending;
  }

  // Rule S4: a client waiting for a room to load is sent the stored snapshot
  // as soon as it is read, before the room has decoded it. Decoding a large
  // document takes tens of milliseconds; the client decodes its copy
  // meanwhile instead of afterwards. Authorization passed before a socket
  // waits, so it may read the document.
  function sendStoredState(documentId: string, state: Uint8Array, stateVector: Uint8Array): void {
    const sockets = waiting.get(documentId);
    if (!sockets) return;
    let message: Uint8Array | undefined;
    for (const waiter of sockets) {
      if (waiter.sentStoredState || waiter.socket.readyState !== waiter.socket.OPEN) continue;
      message ??= encodeSyncStep2(state);
      waiter.socket.send(message, { binary: true });
      waiter.sentStoredState = stateVector;
    }
  }

  function waitFor(documentId: string, waiter: WaitingSocket): () => void {
    let sockets = waiting.get(documentId);
    if (!sockets) waiting.set(documentId, (sockets = new Set()));
    sockets.add(waiter);
    return () => {
      sockets.delete(waiter);
      if (sockets.size === 0 && waiting.get(documentId) === sockets) waiting.delete(documentId);
    };
  }

  async function unloadIfUnused(room: Room): Promise<void> {
    if (room.connections.size > 0 || holds.has(room.documentId) || rooms.get(room.documentId) !== room) return;
    rooms.delete(room.documentId);
    const done = room
      .store("unload")
      .catch((error) => logger.error("store on unload failed", { documentId: room.documentId, error: String(error) }))
      .finally(() => {
        room.destroy();
        hooks.unloaded(room);
        unloading.delete(room.documentId);
      });
    unloading.set(room.documentId, done);
    await done;
  }

  const handle: CollabServerHandle = {
    rooms,
    openRoom,
    releaseRoom,
    get closing() {
      return closing;
    },
  };
  const unconfigure = hooks.extensions.map((extension) => extension.onConfigure?.(handle));

  async function onConnection(socket: WebSocket, request: IncomingMessage, documentId: string) {
    // Frames that arrive while we authenticate and load are held, in order,
    // up to a bound: a client may not pile up memory before it is admitted.
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    const holdEarly = (data: RawData) => {
      const frame = toUint8Array(data);
      earlyBytes += frame.byteLength;
      if (earlyBytes > MAX_WS_FRAME_BYTES) return socket.close(CloseCode.messageTooBig, "Too much data before the document loaded");
      early.push(frame);
    };
    socket.on("message", holdEarly);
    socket.on("error", () => socket.terminate());

    let context;
    try {
      context = await hooks.authenticate(request, documentId);
    } catch (error) {
      if (error instanceof CollabRefusal) {
        if (error.code === CloseCode.internalError) logger.error("authentication failed", { error: error.reason });
        return socket.close(error.code, error.code === CloseCode.internalError ? "Authentication unavailable" : error.reason);
      }
      throw error;
    }

    let room: Room;
    const waiter: WaitingSocket = { socket, sentStoredState: null };
    const stopWaiting = waitFor(documentId, waiter);
    try {
      room = await openRoom(documentId);
    } catch (error) {
      logger.error("could not load document", { documentId, error: String(error) });
      return socket.close(CloseCode.internalError, "Could not load the document");
    } finally {
      stopWaiting();
    }
    // From here the connection, once admitted, keeps the room open; the hold is released either way.
    try {
      if (closing) return socket.close(CloseCode.goingAway, "Server shutting down");
      const stillOpen = socket.readyState === socket.OPEN;
      // A socket that closed while the room loaded is admitted only to apply
      // what it sent before closing (B1: nothing a client sent is dropped).
      if (!stillOpen && early.length === 0) return;
      const connection = new Connection(socket, context.actor, context.identity, context.role);
      connection.sentStoredState = waiter.sentStoredState;
      try {
        room.admit(connection);
      } catch (error) {
        if (error instanceof CollabRefusal) return socket.close(error.code, error.reason);
        throw error;
      }
      socket.off("message", holdEarly);
      for (const frame of early) room.receive(connection, frame);
      if (!stillOpen) return room.remove(connection);
      socket.on("message", (data: RawData) => room.receive(connection, toUint8Array(data)));
      socket.once("close", () => {
        room.remove(connection);
        void unloadIfUnused(room);
      });
    } finally {
      void releaseRoom(room);
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
      for (const undo of unconfigure) undo?.();
      await Promise.allSettled([...loading.values()]);
      // Taken out of the map first so the sockets' close handlers leave them to us.
      const open = [...rooms.values()];
      rooms.clear();
      // Frames already received are applied and stored (rule P2), however
      // many are queued; only then are the sockets told to go. Nothing more is
      // read meanwhile: clients re-send anything later to the next server.
      await Promise.allSettled(
        open.map(async (room) => {
          for (const connection of room.connections) connection.stopReading();
          try {
            await room.store("shutdown");
          } finally {
            for (const connection of room.connections) connection.close(CloseCode.goingAway, "Server shutting down");
            room.destroy();
            hooks.unloaded(room);
          }
        }),
      );
      await Promise.allSettled([...unloading.values()]);
      await hooks.destroy();
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

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
