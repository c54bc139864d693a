// One client socket in a room: who it is, what it may do, what it sent that
// the room has not processed yet (the inbox), and how far behind on reading
// it is (the room's fan-out skips a client that stopped reading and later
// brings it up to date with one state diff: docs/SYNC.md rule L3).
import type { DocumentRole } from "../db/generated/enums";
import type { Actor } from "../policies";
import type { AwarenessIdentity } from "./awarenessUpdate";

/** What the room needs of a websocket (`ws`'s WebSocket has all of it; unit tests use a fake). */
export type CollabSocket = {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array, options: { binary: true }): void;
  close(code: number, reason: string): void;
  terminate(): void;
  ping(): void;
  pause(): void;
  resume(): void;
  on(event: "pong", listener: () => void): unknown;
};

/** Frames held for one connection before it is paused (TCP then slows the client down). */
export const MAX_INBOX_BYTES = 8 * 1024 * 1024;

type RawSocket = { cork(): void; uncork(): void; destroyed: boolean };

export class Connection {
  readonly kind = "connection";
  /** Awareness client ids this connection owns (rule A4). */
  readonly awarenessIds = new Set<number>();
  /** Cleared at each keep-alive round, set again by the client's pong (rule K1). */
  answeredPing = true;
  lastSentAt = 0;

  /** Frames received and not processed yet, oldest first from inboxHead. */
  private inbox: Uint8Array[] = [];
  private inboxHead = 0;
  private inboxBytes = 0;
  private paused = false;
  private stoppedReading = false;

  /**
   * The room's state vector as of the last batch this client was sent, or
   * null while it is in step. Set when the client falls behind: the room
   * stops sending it batches and later sends the difference (rule L3).
   */
  behindFrom: Map<number, number> | Uint8Array | null = null;
  behindSince = 0;

  /**
   * The state vector of the stored snapshot this client was sent while the
   * room loaded (docs/SYNC.md rule S4), or null. Its first sync step 1 is
   * answered with only what it lacks beyond that snapshot.
   */
  sentStoredState: Uint8Array | null = null;

  constructor(
    readonly socket: CollabSocket,
    /** Who is connected, as policies see them. */
    readonly actor: Actor,
    /** The identity stamped into this connection's presence. */
    readonly user: AwarenessIdentity,
    /** Re-resolved when membership or review mode changes (rule A5). */
    public role: DocumentRole,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    this.lastSentAt = Date.now();
    // No per-send callback: ws reports a failed write as an 'error' event,
    // which terminates the socket (createCollabServer), and a callback per
    // frame costs a closure per client per batch.
    this.socket.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /**
   * Holds this socket's writes until uncork: every frame of one batch (and
   * its websocket header) then leaves in one system call. Without it, writes
   * dominated the server's CPU with 50+ editors (docs/benchmarks.md).
   */
  cork(): void {
    rawSocketOf(this.socket)?.cork();
  }

  uncork(): void {
    const raw = rawSocketOf(this.socket);
    if (raw && !raw.destroyed) raw.uncork();
  }

  receive(frame: Uint8Array): void {
    this.inbox.push(frame);
    this.inboxBytes += frame.byteLength;
    if (!this.paused && this.inboxBytes > MAX_INBOX_BYTES) {
      this.paused = true;
      this.socket.pause();
    }
  }

  get hasInbox(): boolean {
    return this.inboxHead < this.inbox.length;
  }

  /** The next unprocessed frame, or undefined. */
  nextFrame(): Uint8Array | undefined {
    if (this.inboxHead >= this.inbox.length) return undefined;
    const frame = this.inbox[this.inboxHead]!;
    this.inbox[this.inboxHead++] = EMPTY;
    this.inboxBytes -= frame.byteLength;
    if (this.inboxHead === this.inbox.length) {
      this.inbox = [];
      this.inboxHead = 0;
    }
    if (this.paused && !this.stoppedReading && this.inboxBytes <= MAX_INBOX_BYTES / 2) {
      this.paused = false;
      this.socket.resume();
    }
    return frame;
  }

  /** Reads nothing more from the client (at shutdown: what it sends later, it re-sends to the next server). */
  stopReading(): void {
    this.stoppedReading = true;
    this.paused = true;
    this.socket.pause();
  }

  /** Drops what was not processed (the connection is leaving). */
  clearInbox(): void {
    this.inbox = [];
    this.inboxHead = 0;
    this.inboxBytes = 0;
  }
}

const EMPTY = new Uint8Array(0);

function rawSocketOf(socket: CollabSocket): RawSocket | undefined {
  return (socket as unknown as { _socket?: RawSocket })._socket;
}
