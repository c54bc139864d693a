// The sync server's one hook interface, in the manner of Hocuspocus'
// `Extension`: the room and the server do the protocol and the fan-out;
// everything else (who may connect, what is stored, what a role may send,
// presence, events) is an extension listed in defaultExtensions.ts. Hooks run
// in list order; every hook is optional.
import type { IncomingMessage } from "node:http";
import type { DocumentRole } from "../db/generated/enums";
import type { Actor } from "../policies";
import type { CloseCodeValue } from "../../lib/closeCodes";
import type { AwarenessEntry, AwarenessIdentity } from "./awarenessUpdate";
import type { Connection } from "./Connection";
import type { UpdateOrigin } from "./origins";
import type { Room } from "./Room";

/** Thrown by onAuthenticate/onConnect to refuse a socket with a close code (docs/SYNC.md, "Close codes"). */
export class CollabRefusal extends Error {
  constructor(
    readonly code: CloseCodeValue,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** What onAuthenticate hooks fill in; all of it must be set before a socket is admitted. */
export type ConnectionContext = {
  actor?: Actor;
  identity?: AwarenessIdentity;
  role?: DocumentRole;
};

/**
 * What becomes of one sync update a connection sent. The first extension
 * that returns a verdict decides; without one the update is applied.
 * - drop: ignored silently (a read-only role, rule A3);
 * - refuse: ignored, and the sender is told why (it re-syncs);
 * - applyWith: the extension applies it itself (the suggestion gate checks
 *   and applies in one step) and says whether it was accepted.
 */
export type UpdateVerdict =
  | { action: "drop" }
  | { action: "refuse"; reason: string }
  | { action: "applyWith"; apply: () => { ok: true } | { ok: false; reason: string } };

/**
 * Why a room is asked to store: "request" stores the queued updates (a route
 * needs the log current); "snapshot" also compacts; "unload" and "shutdown"
 * store everything before the room goes (rule P2).
 */
export type StoreReason = "request" | "snapshot" | "unload" | "shutdown";

/** What extensions may do with the server as a whole (install process seams, open rooms). */
export type CollabServerHandle = {
  readonly rooms: ReadonlyMap<string, Room>;
  /** Opens (loading if needed) the document's room and holds it open until releaseRoom. */
  openRoom(documentId: string): Promise<Room>;
  /** Releases a hold; the room unloads once it has neither holds nor connections. */
  releaseRoom(room: Room): Promise<void>;
  readonly closing: boolean;
};

export interface CollabExtension {
  readonly name: string;
  /** At start: install timers and process seams; the returned function undoes it at close. */
  onConfigure?(server: CollabServerHandle): (() => void) | void;
  /** Before a socket is admitted: fill in `context` or throw a CollabRefusal. */
  onAuthenticate?(data: { request: IncomingMessage; documentId: string; context: ConnectionContext }): Promise<void> | void;
  /** A room opens: load its state (apply it with LOAD_ORIGIN). */
  onLoadDocument?(data: { room: Room }): Promise<void>;
  /** A socket joins a loaded room; throw a CollabRefusal to turn it away. */
  onConnect?(data: { room: Room; connection: Connection }): void;
  onDisconnect?(data: { room: Room; connection: Connection }): void;
  /**
   * A connection asked for sync step 1's answer (everything it lacks): return
   * false to leave it unanswered (the extension closes or tells the client).
   */
  beforeSyncStep1?(data: { room: Room; connection: Connection }): boolean;
  /** A connection sent a document update; return a verdict to keep it from being applied as is. */
  beforeApplyUpdate?(data: { room: Room; connection: Connection; update: Uint8Array }): UpdateVerdict | undefined;
  /** The room's document changed (any origin, the load excepted). Synchronous: on the hot path. */
  onChange?(data: { room: Room; update: Uint8Array; origin: UpdateOrigin | undefined }): void;
  /** A connection sent presence: return the entries to apply (filtered, stamped). */
  onAwarenessUpdate?(data: { room: Room; connection: Connection; entries: AwarenessEntry[] }): AwarenessEntry[];
  /** Store what the room holds: before it unloads, at shutdown, or when asked (reason "request"). */
  onStoreDocument?(data: { room: Room; reason: StoreReason }): Promise<void>;
  /**
   * Updates reached the log, up to `lastStoredId` (persistence tells;
   * checkpoints listen). `oldestAcceptedAt`: when the room accepted the
   * oldest update this write stored (performance.now()), if the write was this node's.
   */
  afterStoreUpdates?(data: { room: Room; lastStoredId: bigint; oldestAcceptedAt?: number }): void;
  /** The room is gone (stored and destroyed): free what was kept for it. */
  afterUnloadDocument?(data: { room: Room }): void;
  /** The server closed every room: wait for work still in flight. */
  onDestroy?(): Promise<void>;
}

/** Runs the hooks of a list of extensions in order. */
export class ExtensionRunner {
  // The hooks that run per update or per presence message, only from the
  // extensions that have them: most of the list has none of these.
  private readonly verdictHooks: CollabExtension[];
  private readonly changeHooks: CollabExtension[];
  private readonly awarenessHooks: CollabExtension[];
  private readonly syncStep1Hooks: CollabExtension[];

  constructor(readonly extensions: readonly CollabExtension[]) {
    this.verdictHooks = extensions.filter((extension) => extension.beforeApplyUpdate);
    this.changeHooks = extensions.filter((extension) => extension.onChange);
    this.awarenessHooks = extensions.filter((extension) => extension.onAwarenessUpdate);
    this.syncStep1Hooks = extensions.filter((extension) => extension.beforeSyncStep1);
  }

  async authenticate(request: IncomingMessage, documentId: string): Promise<Required<ConnectionContext>> {
    const context: ConnectionContext = {};
    for (const extension of this.extensions) await extension.onAuthenticate?.({ request, documentId, context });
    if (!context.actor || !context.identity || !context.role) throw new Error("No extension authenticated the connection");
    return context as Required<ConnectionContext>;
  }

  async loadDocument(room: Room): Promise<void> {
    for (const extension of this.extensions) await extension.onLoadDocument?.({ room });
  }

  connect(room: Room, connection: Connection): void {
    for (const extension of this.extensions) extension.onConnect?.({ room, connection });
  }

  disconnect(room: Room, connection: Connection): void {
    for (const extension of this.extensions) extension.onDisconnect?.({ room, connection });
  }

  /** Whether a connection's sync step 1 is answered (every hook must agree). */
  allowSyncStep1(room: Room, connection: Connection): boolean {
    for (const extension of this.syncStep1Hooks) if (extension.beforeSyncStep1?.({ room, connection }) === false) return false;
    return true;
  }

  verdictFor(room: Room, connection: Connection, update: Uint8Array): UpdateVerdict | undefined {
    for (const extension of this.verdictHooks) {
      const verdict = extension.beforeApplyUpdate?.({ room, connection, update });
      if (verdict) return verdict;
    }
    return undefined;
  }

  change(room: Room, update: Uint8Array, origin: UpdateOrigin | undefined): void {
    for (const extension of this.changeHooks) extension.onChange?.({ room, update, origin });
  }

  awareness(room: Room, connection: Connection, entries: AwarenessEntry[]): AwarenessEntry[] {
    let current = entries;
    for (const extension of this.awarenessHooks) current = extension.onAwarenessUpdate?.({ room, connection, entries: current }) ?? current;
    return current;
  }

  async storeDocument(room: Room, reason: StoreReason): Promise<void> {
    for (const extension of this.extensions) await extension.onStoreDocument?.({ room, reason });
  }

  storedUpdates(room: Room, lastStoredId: bigint, oldestAcceptedAt?: number): void {
    for (const extension of this.extensions) extension.afterStoreUpdates?.({ room, lastStoredId, oldestAcceptedAt });
  }

  unloaded(room: Room): void {
    for (const extension of this.extensions) extension.afterUnloadDocument?.({ room });
  }

  async destroy(): Promise<void> {
    for (const extension of this.extensions) await extension.onDestroy?.();
  }
}
