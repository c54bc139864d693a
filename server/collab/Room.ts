// One open document: its Y.Doc, presence and connections. The room runs the
// protocol in ticks (docs/SYNC.md rules B1–B3): frames are queued per
// connection as they arrive; a tick, scheduled for the end of the current
// event-loop turn, processes a bounded share of every connection's queue
// (so one fast client cannot starve the others), applies all the updates it
// accepted as one Yjs transaction, and then sends what changed as one batch
// (RoomFanOut). Under light load a tick holds one frame and adds no delay;
// under heavy load it holds everything a turn brought in.
// What may be applied, what is stored, presence rules and events are the
// extensions' business (extension.ts).
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as random from "lib0/random";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import type { DocumentEvent } from "../../lib/review/reviewTypes";
import { applyAwarenessEntries, decodeAwarenessUpdate } from "./awarenessUpdate";
import { Connection } from "./Connection";
import type { ExtensionRunner, StoreReason } from "./extension";
import { asUpdateOrigin, ClientsOrigin, ServerEditOrigin, type CatchUpOrigin, type RemoteOrigin } from "./origins";
import { encodeAwareness, encodeDocumentEvent, MessageType, SyncMessageType } from "./protocol";
import { RoomFanOut } from "./RoomFanOut";

/** Most frames, and bytes, of one connection processed in one tick; the rest wait for the next. */
export const MAX_FRAMES_PER_TICK = 512;
export const MAX_BYTES_PER_TICK = 1024 * 1024;
/** A room with no tick for this long is quiet: its next tick does not wait for the end of the turn. */
const QUIET_ROOM_MS = 20;

export type RoomLogger = {
  info: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
};

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private readonly fanOut = new RoomFanOut(this.doc, this.awareness);
  /** Connections with frames waiting, in arrival order. */
  private readonly ready = new Set<Connection>();
  private tickScheduled = false;
  private ticking = false;
  private lastTickAt = -Infinity;
  private flushTimer: NodeJS.Timeout | undefined;
  private destroyed = false;

  constructor(
    readonly documentId: string,
    private readonly hooks: ExtensionRunner,
    private readonly logger: RoomLogger,
  ) {
    // The server has no caret of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onDocumentUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /**
   * Set by the server: receives the stored snapshot before the room applies
   * it, so that clients waiting for the room can be sent it at once (rule S4).
   */
  storedStateListener: ((state: Uint8Array, stateVector: Uint8Array) => void) | undefined;

  async load(): Promise<void> {
    await this.hooks.loadDocument(this);
  }

  /** The persistence extension read this snapshot and is about to apply it: the whole stored state, nothing after it. */
  offerStoredState(state: Uint8Array, stateVector: Uint8Array): void {
    this.storedStateListener?.(state, stateVector);
  }

  /** Admits a socket (extensions may refuse by throwing) and starts its sync. */
  admit(connection: Connection): void {
    this.hooks.connect(this, connection);
    this.connections.add(connection);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    connection.send(encoding.toUint8Array(step1));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** The socket closed: what it sent is still processed (nothing it typed is dropped), then it leaves. */
  remove(connection: Connection): void {
    if (this.destroyed || !this.connections.has(connection)) return;
    this.processInboxes([connection], Infinity);
    this.ready.delete(connection);
    this.connections.delete(connection);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection);
    }
    this.hooks.disconnect(this, connection);
  }

  /** Queues a frame from an admitted connection for the next tick. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (this.destroyed) return;
    connection.receive(frame);
    this.ready.add(connection);
    this.scheduleTick();
  }

  /** Pushes a review event (thread, title, members) to everyone in the document, in order with the text. */
  broadcastEvent(event: DocumentEvent): void {
    this.fanOut.addMessage(encodeDocumentEvent(event));
    this.scheduleTick();
  }

  sendEvent(connection: Connection, event: DocumentEvent): void {
    connection.send(encodeDocumentEvent(event));
  }

  /** Applies an edit the server makes for `authorId` (a restore): sent and stored like a client's. */
  applyServerEdit(authorId: string, edit: (doc: Y.Doc) => void): void {
    // A fresh client id per server edit: authorship maps a client id to the
    // author of the first log row holding it (SYNC.md H3), and two people's
    // restores in one room session must not share one.
    this.doc.clientID = random.uint32();
    Y.transact(this.doc, () => edit(this.doc), new ServerEditOrigin(authorId));
  }

  /**
   * Applies updates this node did not accept itself — another node's relay,
   * or log rows read back — in one transaction: sent to every connection,
   * never stored again (the origin says so to persistence).
   */
  applyRelayed(updates: readonly Uint8Array[], origin: RemoteOrigin | CatchUpOrigin): void {
    if (this.destroyed || updates.length === 0) return;
    Y.transact(this.doc, () => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, origin);
  }

  /** Applies presence another node relayed (already checked and stamped there); sent to every connection. */
  applyRelayedAwareness(update: Uint8Array, origin: RemoteOrigin): void {
    if (!this.destroyed) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** Removes presence states (of a node that stopped); every connection is told. */
  removeAwarenessStates(clientIds: number[], origin: RemoteOrigin): void {
    if (!this.destroyed && clientIds.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clientIds, origin);
  }

  /** Applies every frame still queued, ignoring the per-tick bound (before storing at unload or shutdown). */
  drain(): void {
    this.processInboxes([...this.ready], Infinity);
    this.ready.clear();
    this.flushFanOut();
  }

  /** Stores what the room holds (extensions do: the update log, a snapshot, a checkpoint). */
  async store(reason: StoreReason): Promise<void> {
    if (reason === "unload" || reason === "shutdown") this.drain();
    await this.hooks.storeDocument(this, reason);
  }

  /** Updates up to this log row are stored (the persistence extension tells; checkpoints and metrics listen). */
  reportStored(lastStoredId: bigint, oldestAcceptedAt?: number): void {
    this.hooks.storedUpdates(this, lastStoredId, oldestAcceptedAt);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.flushTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  // A tick normally waits for the end of the event-loop turn, so that it
  // holds everything the turn brought in from every socket. A room that has
  // been quiet for a while has nothing to batch with: its tick runs as soon
  // as the current callback returns (a microtask), sparing an idle edit the
  // loop's remaining phases. Never from inside a tick, nor right after one:
  // chained microtasks would run a whole burst without yielding to timers
  // (the write-behind) or to other sockets.
  private scheduleTick(): void {
    if (this.tickScheduled || this.destroyed) return;
    this.tickScheduled = true;
    if (!this.ticking && performance.now() - this.lastTickAt > QUIET_ROOM_MS) queueMicrotask(this.tick);
    else setImmediate(this.tick);
  }

  private tick = (): void => {
    this.tickScheduled = false;
    if (this.destroyed) return;
    this.ticking = true;
    try {
      const connections = [...this.ready];
      this.processInboxes(connections, MAX_FRAMES_PER_TICK);
      for (const connection of connections) if (!connection.hasInbox) this.ready.delete(connection);
      this.flushFanOut();
    } finally {
      this.ticking = false;
      // Stamped at the end, so a long tick does not make the room look quiet.
      this.lastTickAt = performance.now();
    }
    if (this.ready.size > 0) this.scheduleTick();
  };

  private flushFanOut(): void {
    const flushAgainInMs = this.fanOut.flush(this.connections);
    if (flushAgainInMs !== undefined && !this.flushTimer && !this.destroyed) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        if (!this.destroyed) this.flushFanOut();
      }, flushAgainInMs);
    }
  }

  /**
   * Processes up to `maxFrames` queued frames of each connection, then
   * applies the document updates accepted among them in one transaction.
   * A malformed frame closes its sender with 1002 (rule L2); the others'
   * frames are unaffected.
   */
  private processInboxes(connections: Iterable<Connection>, maxFrames: number): void {
    const batch = new ClientsOrigin();
    for (const connection of connections) {
      let frames = 0;
      let bytes = 0;
      try {
        while (frames < maxFrames && (maxFrames === Infinity || bytes < MAX_BYTES_PER_TICK)) {
          const frame = connection.nextFrame();
          if (!frame) break;
          frames++;
          bytes += frame.byteLength;
          this.handleFrame(connection, frame, batch);
        }
      } catch (error) {
        batch.dropFrom(connection);
        this.closeMalformed(connection, error);
      }
    }
    this.applyBatch(batch);
  }

  // One transaction for the whole batch: Yjs computes the document's state
  // vector at the start and end of every transaction, which with hundreds
  // of editors (client ids) cost more than the edits themselves when each
  // keystroke was its own transaction.
  private applyBatch(batch: ClientsOrigin): void {
    if (batch.sent.length === 0) return;
    const failed = new Map<Connection, unknown>();
    Y.transact(
      this.doc,
      () => {
        for (const { connection, update } of batch.sent) {
          if (failed.has(connection)) continue;
          try {
            Y.applyUpdate(this.doc, update);
          } catch (error) {
            failed.set(connection, error);
          }
        }
      },
      batch,
    );
    for (const [connection, error] of failed) this.closeMalformed(connection, error);
  }

  private closeMalformed(connection: Connection, error: unknown): void {
    // One client's bad frame closes that client only; the room and others carry on.
    this.logger.info("closing connection after a malformed frame", { documentId: this.documentId, error: String(error) });
    connection.clearInbox();
    connection.close(CloseCode.protocolError, "Malformed message");
  }

  private handleFrame(connection: Connection, frame: Uint8Array, batch: ClientsOrigin): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        this.handleSync(connection, decoder, batch);
        return;
      case MessageType.awareness:
        this.handleAwareness(connection, decoding.readVarUint8Array(decoder));
        return;
      case MessageType.queryAwareness:
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
      case MessageType.auth:
        // Authentication happens on the upgrade; y-websocket's auth messages carry nothing for us.
        return;
      default:
        throw new Error(`Unknown message type ${type}`);
    }
  }

  private handleSync(connection: Connection, decoder: decoding.Decoder, batch: ClientsOrigin): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncMessageType.step1) {
      if (!this.hooks.allowSyncStep1(this, connection)) return;
      // Answered from the document as it is: this tick's updates reach the
      // client with the tick's batch, right after. A client that was sent the
      // stored snapshot while the room loaded gets only what lies beyond it.
      let clientVector = decoding.readVarUint8Array(decoder);
      if (connection.sentStoredState) {
        clientVector = unionOfStateVectors(clientVector, connection.sentStoredState);
        connection.sentStoredState = null;
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.writeSyncStep2(reply, this.doc, clientVector);
      connection.send(encoding.toUint8Array(reply));
      return;
    }
    if (syncType !== SyncMessageType.step2 && syncType !== SyncMessageType.update) {
      throw new Error(`Unknown sync message type ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    const verdict = this.hooks.verdictFor(this, connection, update);
    if (!verdict) {
      batch.sent.push({ connection, update });
      return;
    }
    if (verdict.action === "drop") return;
    // The gate checks against the document as it is; updates batched before
    // this one go in first, so it sees them (applying them is idempotent for
    // the gate's shadow copy).
    this.applyBatch(batch.splice());
    const result = verdict.action === "refuse" ? { ok: false as const, reason: verdict.reason } : verdict.apply();
    if (!result.ok) this.sendEvent(connection, { type: "update-refused", reason: result.reason });
  }

  private handleAwareness(connection: Connection, update: Uint8Array): void {
    const entries = this.hooks.awareness(this, connection, decodeAwarenessUpdate(update));
    if (entries.length > 0) applyAwarenessEntries(this.awareness, entries, connection);
  }

  private onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    const typed = asUpdateOrigin(origin);
    // The stored state is what every client syncs against; it is neither sent nor stored again.
    if (typed?.kind === "load") return;
    this.hooks.change(this, update, typed);
    this.fanOut.addUpdate(update, typed);
    this.scheduleTick();
  };

  // Only entries whose clock advanced reach this handler (y-protocols filters
  // stale ones), so echoes of old states are never sent again (rule A4).
  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    this.fanOut.addAwareness(changed, origin instanceof Connection ? origin : undefined);
    this.scheduleTick();
  };
}

/** The state vector of everything either vector covers (the larger clock per client). */
function unionOfStateVectors(a: Uint8Array, b: Uint8Array): Uint8Array {
  const union = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) union.set(client, Math.max(clock, union.get(client) ?? 0));
  return Y.encodeStateVector(union);
}
