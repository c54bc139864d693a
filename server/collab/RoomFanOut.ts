// Outgoing batching for one room (docs/SYNC.md rules S1, B1–B3, L3). Changes
// are collected while the room processes a tick and sent when it ends:
// document updates merged into one message per chunk (a chunk is bounded, so
// merging a burst stays linear), presence coalesced to the latest state of
// each client, and each message encoded once and handed to every socket.
// A client that stops reading is skipped instead of buffered without bound,
// and brought up to date with one state diff once it reads again.
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import type { Connection } from "./Connection";
import { mergeUpdatesBounded } from "./mergeUpdatesBounded";
import type { UpdateOrigin } from "./origins";
import { encodeAwareness, encodeSyncUpdate } from "./protocol";

/** A chunk of updates is merged into one message; past these bounds a new chunk starts. */
export const MAX_UPDATES_PER_MESSAGE = 512;
export const MAX_UPDATE_BYTES_PER_MESSAGE = 256 * 1024;
/** A client with more than this waiting to be written is behind: it gets no batches until it drains. */
export const BEHIND_BUFFERED_BYTES = 1024 * 1024;
/** A behind client that drained below this gets the state diff and is in step again. */
export const CAUGHT_UP_BUFFERED_BYTES = 64 * 1024;
/** A client still behind after this long, or with this much unread, is closed with 1001 (it reconnects and re-syncs). */
export const MAX_BEHIND_MS = 30_000;
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/** While a client is behind, the room looks this often whether it can catch up. */
export const CATCH_UP_CHECK_MS = 50;

/**
 * Presence (carets) is sent at most once per this window (rule B2). Every
 * caret move goes to every other client, so the bytes presence costs grow
 * with the square of the room; the window grows the same way, which keeps
 * them roughly constant: a small room gets every move at once (20 people:
 * 2 ms), a large one each caret's latest position now and then (100 people:
 * every 50 ms, 500: every 1.25 s, at most every 3 s). Text is never held back.
 */
export function presenceWindowMs(connections: number): number {
  return Math.min(3000, Math.round((connections * connections) / 200));
}

type Outgoing = { message: Uint8Array; isUpdate: boolean; except: Connection | undefined };

export class RoomFanOut {
  private queue: Outgoing[] = [];
  private chunk: Uint8Array[] = [];
  private chunkBytes = 0;
  /** The one connection every update of the chunk came from (it need not get them back), null when several or none. */
  private chunkOrigin: Connection | null = null;
  private readonly awarenessIds = new Set<number>();
  private awarenessOrigin: Connection | null = null;
  private awarenessMixed = false;
  /**
   * What every client in step has been sent: the document's state vector
   * after the last batch. Yjs computes it anyway at the start of the next
   * transaction; that one is kept (null: no transaction since the last batch).
   */
  private stateBeforeUnsent: Map<number, number> | null = null;
  /** Some client was behind after the last flush (it must be looked at even when nothing is queued). */
  private anyBehind = false;
  private lastPresenceAt = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
  ) {
    doc.on("beforeTransaction", (transaction: Y.Transaction) => {
      this.stateBeforeUnsent ??= transaction.beforeState;
    });
  }

  addUpdate(update: Uint8Array, origin: UpdateOrigin | undefined): void {
    if (this.chunk.length >= MAX_UPDATES_PER_MESSAGE || this.chunkBytes + update.byteLength > MAX_UPDATE_BYTES_PER_MESSAGE) this.closeChunk();
    const connection = (origin?.kind === "clients" && origin.soleSender) || null;
    this.chunkOrigin = this.chunk.length === 0 || this.chunkOrigin === connection ? connection : null;
    this.chunk.push(update);
    this.chunkBytes += update.byteLength;
  }

  addAwareness(clientIds: number[], origin: Connection | undefined): void {
    const connection = origin ?? null;
    if (this.awarenessIds.size === 0) this.awarenessOrigin = connection;
    else if (this.awarenessOrigin !== connection) this.awarenessMixed = true;
    for (const id of clientIds) this.awarenessIds.add(id);
  }

  /** A message for every client (a document event), in order after the updates queued so far. */
  addMessage(message: Uint8Array): void {
    this.closeChunk();
    this.queue.push({ message, isUpdate: false, except: undefined });
  }

  /**
   * Sends everything collected to `connections`. Returns in how many ms the
   * room must flush again even if nothing new arrives — presence held for
   * its window, or a client still behind that should catch up once it
   * drains — or undefined.
   */
  flush(connections: ReadonlySet<Connection>): number | undefined {
    this.closeChunk();
    const messages = this.queue;
    this.queue = [];
    const now = Date.now();
    let awarenessMessage: Uint8Array | undefined;
    let awarenessExcept: Connection | undefined;
    let presenceDueInMs: number | undefined;
    if (this.awarenessIds.size > 0) {
      const wait = this.lastPresenceAt + presenceWindowMs(connections.size) - now;
      if (wait > 0) {
        presenceDueInMs = wait;
      } else {
        awarenessMessage = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awarenessIds]));
        awarenessExcept = this.awarenessMixed ? undefined : (this.awarenessOrigin ?? undefined);
        this.awarenessIds.clear();
        this.awarenessOrigin = null;
        this.awarenessMixed = false;
        this.lastPresenceAt = now;
      }
    }
    if (messages.length === 0 && !awarenessMessage && !this.anyBehind) return presenceDueInMs;
    const hadUpdates = messages.some((outgoing) => outgoing.isUpdate);
    let anyBehind = false;

    for (const connection of connections) {
      if (!connection.isOpen) continue;
      connection.cork();
      try {
        if (connection.behindFrom) {
          // The diff it gets on catching up holds this batch's updates and presence.
          this.catchUpIfDrained(connection, now);
          this.sendEvents(connection, messages);
        } else if (hadUpdates && connection.bufferedAmount > BEHIND_BUFFERED_BYTES) {
          // Everything before this batch is already on its way to this client.
          connection.behindFrom = this.stateBeforeUnsent ?? Y.encodeStateVector(this.doc);
          connection.behindSince = now;
          this.sendEvents(connection, messages);
        } else {
          for (const outgoing of messages) if (outgoing.except !== connection) connection.send(outgoing.message);
          if (awarenessMessage && awarenessExcept !== connection) connection.send(awarenessMessage);
        }
      } finally {
        connection.uncork();
      }
      if (connection.behindFrom && connection.isOpen) anyBehind = true;
    }
    if (hadUpdates) this.stateBeforeUnsent = null;
    this.anyBehind = anyBehind;
    if (!anyBehind) return presenceDueInMs;
    return presenceDueInMs === undefined ? CATCH_UP_CHECK_MS : Math.min(presenceDueInMs, CATCH_UP_CHECK_MS);
  }

  /** A client that fell behind: the state diff once it drained, closed (1001) when hopeless. */
  private catchUpIfDrained(connection: Connection, now: number): void {
    if (connection.bufferedAmount > MAX_BUFFERED_BYTES || now - connection.behindSince > MAX_BEHIND_MS) {
      connection.close(CloseCode.goingAway, "Too far behind; reconnect");
      return;
    }
    if (connection.bufferedAmount > CAUGHT_UP_BUFFERED_BYTES) return;
    const from = connection.behindFrom!;
    connection.behindFrom = null;
    connection.send(encodeSyncUpdate(Y.encodeStateAsUpdate(this.doc, from instanceof Map ? Y.encodeStateVector(from) : from)));
    const everyone = [...this.awareness.getStates().keys()];
    if (everyone.length > 0) connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, everyone)));
  }

  private sendEvents(connection: Connection, messages: Outgoing[]): void {
    for (const outgoing of messages) if (!outgoing.isUpdate) connection.send(outgoing.message);
  }

  private closeChunk(): void {
    if (this.chunk.length === 0) return;
    const merged = this.chunk.length === 1 ? this.chunk[0]! : mergeUpdatesBounded(this.chunk);
    this.queue.push({ message: encodeSyncUpdate(merged), isUpdate: true, except: this.chunkOrigin ?? undefined });
    this.chunk = [];
    this.chunkBytes = 0;
    this.chunkOrigin = null;
  }
}
