// One open document: its Y.Doc, awareness and connections. Applies what
// clients send according to their role, fans changes out to the others and
// hands accepted updates to the update-log writer.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as random from "lib0/random";
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import type { DocumentRole } from "../db/generated/enums";
import type { DocumentEvent } from "../../lib/review/reviewTypes";
import { DOCUMENT_EVENT_MESSAGE } from "../../lib/review/reviewTypes";
import { canEditContent, canSuggest, type Actor } from "../policies";
import { ActivityCheckpoints } from "../history/activityCheckpoints";
import { SuggesterUpdateGate } from "../review/suggestions/checkSuggesterUpdate";
import { decodeAwarenessUpdate, encodeAwarenessEntries, sanitizeAwarenessEntries, type AwarenessIdentity } from "./awarenessUpdate";
import { snapshotOf, type DocumentStore } from "./documentStore";
import { ServerEditOrigin } from "./serverEdits";
import { encodeAwareness, encodeSyncUpdate, MessageType, SyncMessageType } from "./protocol";
import { createUpdateLogWriter, type UpdateLogWriter } from "./updateLogWriter";

/** Compact the log into a snapshot after this many rows were appended… */
export const COMPACT_AFTER_ROWS = 200;
/** …but not more often than this: with many editors 200 rows take seconds, and a snapshot costs a full encode and write. */
export const MIN_SNAPSHOT_INTERVAL_MS = 30_000;
/** A client this far behind on reading is closed rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/** Client ids one connection may own in awareness (a reconnecting editor keeps its id). */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

const EMPTY_AWARENESS_MESSAGE = encodeAwareness(encodeAwarenessEntries([]));

export type Connection = {
  socket: WebSocket;
  /** Who is connected, as policies see them. */
  actor: Actor;
  user: AwarenessIdentity;
  /** Re-resolved when membership or review mode changes (see reauthorize in createCollabServer). */
  role: DocumentRole;
  awarenessIds: Set<number>;
  lastSentAt: number;
  /** The socket's writes are held until the end of this event-loop turn (see send). */
  corked: boolean;
  /** Cleared at each keep-alive round, set again by the client's pong. */
  answeredPing: boolean;
};

export type RoomLogger = {
  info: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
};

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  private writer: UpdateLogWriter | undefined;
  private compacting: Promise<void> | undefined;
  private lastSnapshotAt = 0;
  /** Checks suggest-only connections' updates; created when the first one sends (A6). */
  private suggesterGate: SuggesterUpdateGate | undefined;
  private readonly checkpoints: ActivityCheckpoints | undefined;

  constructor(
    readonly documentId: string,
    private readonly store: DocumentStore,
    private readonly logger: RoomLogger,
    options: { checkpoints?: boolean } = {},
  ) {
    if (options.checkpoints) this.checkpoints = new ActivityCheckpoints(documentId, logger);
    // The server has no caret of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onDocumentUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  async load(): Promise<void> {
    const loaded = await this.store.load(this.documentId);
    // Applied before the update listener can see a connection origin: loading never re-persists.
    Y.transact(this.doc, () => {
      for (const update of loaded.updates) Y.applyUpdate(this.doc, update);
    }, "load");
    this.writer = createUpdateLogWriter({
      documentId: this.documentId,
      store: this.store,
      lastStoredId: loaded.lastUpdateId,
      storedSinceSnapshot: loaded.tailLength,
      onStored: () => {
        this.compactIfDue();
        if (this.writer) this.checkpoints?.noteStored(this.doc, this.writer.lastStoredId);
      },
      onError: (error) => this.logger.error("update log write failed; will retry", { documentId: this.documentId, error: String(error) }),
    });
    this.compactIfDue();
  }

  addConnection(socket: WebSocket, actor: Actor, user: AwarenessIdentity, role: DocumentRole): Connection {
    const connection: Connection = { socket, actor, user, role, awarenessIds: new Set(), lastSentAt: 0, corked: false, answeredPing: true };
    this.connections.set(socket, connection);
    socket.on("pong", () => (connection.answeredPing = true));

    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.send(connection, encoding.toUint8Array(step1));

    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      this.send(connection, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
    return connection;
  }

  removeConnection(socket: WebSocket): Connection | undefined {
    const connection = this.connections.get(socket);
    if (!connection) return undefined;
    this.connections.delete(socket);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection);
    }
    return connection;
  }

  /** Applies an edit the server makes for `authorId` (a restore): broadcast and stored like a client's. */
  applyServerEdit(authorId: string, edit: (doc: Y.Doc) => void): void {
    // A fresh client id per server edit: authorship maps a client id to the
    // author of the first log row holding it (SYNC.md H3), and two people's
    // restores in one room session must not share one.
    this.doc.clientID = random.uint32();
    Y.transact(this.doc, () => edit(this.doc), new ServerEditOrigin(authorId));
  }

  /** Stores the updates accepted so far (no snapshot). */
  async flushUpdates(): Promise<void> {
    await this.writer?.flush();
  }

  /** Pushes a review event (thread, title, members) to everyone in the document. */
  broadcastEvent(event: DocumentEvent): void {
    const message = encodeDocumentEvent(event);
    for (const connection of this.connections.values()) this.send(connection, message);
  }

  /** Handles one frame; throws on a malformed frame (the caller closes with 1002). */
  handleMessage(connection: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        this.handleSync(connection, decoder);
        return;
      case MessageType.awareness:
        this.handleAwareness(connection, decoding.readVarUint8Array(decoder));
        return;
      case MessageType.queryAwareness:
        this.send(connection, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
      case MessageType.auth:
        // Authentication happens on the upgrade; y-websocket's auth messages carry nothing for us.
        return;
      default:
        throw new Error(`Unknown message type ${type}`);
    }
  }

  private handleSync(connection: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncMessageType.step1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.readSyncStep1(decoder, reply, this.doc);
      this.send(connection, encoding.toUint8Array(reply));
      return;
    }
    if (syncType !== SyncMessageType.step2 && syncType !== SyncMessageType.update) {
      throw new Error(`Unknown sync message type ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (canEditContent(connection.role)) {
      Y.applyUpdate(this.doc, update, connection);
      return;
    }
    if (canSuggest(connection.role)) {
      // Suggest-only: applied only when every change is inside the sender's own
      // suggestion marks (SYNC.md rule A6). A refused update is never applied,
      // broadcast or stored, and the client is told so it can re-sync.
      this.suggesterGate ??= new SuggesterUpdateGate(this.doc);
      const result = this.suggesterGate.apply(update, connection.actor.id, connection, { authorName: connection.user.name });
      if (!result.ok) this.send(connection, encodeDocumentEvent({ type: "update-refused", reason: result.reason }));
      return;
    }
    // Read-only roles: the update is never applied, broadcast or stored (SYNC.md rule A3).
  }

  private handleAwareness(connection: Connection, update: Uint8Array): void {
    const entries = sanitizeAwarenessEntries(decodeAwarenessUpdate(update), connection.user, (clientId) =>
      this.claimAwarenessId(connection, clientId),
    );
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), connection);
  }

  private claimAwarenessId(connection: Connection, clientId: number): boolean {
    if (connection.awarenessIds.has(clientId)) return true;
    for (const other of this.connections.values()) if (other.awarenessIds.has(clientId)) return false;
    if (connection.awarenessIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) return false;
    connection.awarenessIds.add(clientId);
    return true;
  }

  private onDocumentUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === "load") return;
    const message = encodeSyncUpdate(update);
    for (const connection of this.connections.values()) {
      if (connection !== origin) this.send(connection, message);
    }
    const authorId = isConnection(origin) ? origin.user.id : origin instanceof ServerEditOrigin ? origin.authorId : null;
    this.writer?.enqueue({ authorId, update });
  };

  // Only entries whose clock advanced reach this handler (y-protocols filters
  // stale ones), so echoes of old states are never re-broadcast.
  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const connection of this.connections.values()) {
      if (connection !== origin) this.send(connection, message);
    }
  };

  send(connection: Connection, message: Uint8Array): void {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(CloseCode.goingAway, "Too far behind; reconnect");
      return;
    }
    connection.lastSentAt = Date.now();
    corkUntilNextTurn(connection);
    socket.send(message, { binary: true }, (error) => {
      if (error) socket.terminate();
    });
  }

  /**
   * One keep-alive round: drops sockets that did not answer the previous ping
   * (dead peers would otherwise hold presence forever), pings the rest, and
   * sends an empty awareness message to clients that heard nothing for a
   * while — y-websocket reconnects after 30 s without a message.
   */
  keepAlive(idleMs: number): void {
    const now = Date.now();
    for (const connection of this.connections.values()) {
      if (!connection.answeredPing) {
        connection.socket.terminate();
        continue;
      }
      connection.answeredPing = false;
      connection.socket.ping();
      if (now - connection.lastSentAt >= idleMs) this.send(connection, EMPTY_AWARENESS_MESSAGE);
    }
  }

  private compactIfDue(): void {
    const due = Date.now() - this.lastSnapshotAt >= MIN_SNAPSHOT_INTERVAL_MS;
    if (this.writer && this.writer.storedSinceSnapshot >= COMPACT_AFTER_ROWS && due && !this.compacting) {
      this.compacting = this.compact()
        .catch((error) => this.logger.error("compaction failed", { documentId: this.documentId, error: String(error) }))
        .finally(() => (this.compacting = undefined));
    }
  }

  // Everything in the log up to lastStoredId is in this.doc, so a snapshot of
  // this.doc may stand in for it. Updates still queued are in the snapshot too
  // and are stored after it; applying them again on load is a no-op.
  private async compact(): Promise<void> {
    if (!this.writer) return;
    const upTo = this.writer.lastStoredId;
    const { state, stateVector } = snapshotOf(this.doc);
    await this.store.writeSnapshot(this.documentId, state, stateVector, upTo);
    this.writer.markSnapshot();
    this.lastSnapshotAt = Date.now();
  }

  /** Stores everything accepted so far, writes a fresh snapshot and a checkpoint of unversioned edits. */
  async flush(): Promise<void> {
    if (!this.writer) return;
    await this.compacting;
    await this.writer.flush();
    if (this.writer.storedSinceSnapshot > 0) await this.compact();
    this.checkpoints?.beforeUnload(this.doc, this.writer.lastStoredId);
  }

  destroy(): void {
    this.suggesterGate?.destroy();
    this.writer?.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

// Every message to every client is its own websocket frame; written one by one
// they cost a system call each, which dominated the server's CPU with 50+
// editors (docs/benchmarks.md). Corking the TCP socket until the end of the
// event-loop turn turns all of a turn's frames for one client into one write,
// without changing the framing clients see.
function corkUntilNextTurn(connection: Connection): void {
  if (connection.corked) return;
  const raw = (connection.socket as unknown as { _socket?: { cork(): void; uncork(): void; destroyed: boolean } })._socket;
  if (!raw) return;
  raw.cork();
  connection.corked = true;
  setImmediate(() => {
    connection.corked = false;
    if (!raw.destroyed) raw.uncork();
  });
}

function encodeDocumentEvent(event: DocumentEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, DOCUMENT_EVENT_MESSAGE);
  encoding.writeVarString(encoder, JSON.stringify(event));
  return encoding.toUint8Array(encoder);
}

function isConnection(value: unknown): value is Connection {
  return typeof value === "object" && value !== null && "socket" in value && "awarenessIds" in value;
}
