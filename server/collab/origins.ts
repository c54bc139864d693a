// Typed origins of the room document's transactions. Every change to a room's
// Y.Doc carries one, and extensions decide by it: persistence stores what a
// connection or a server edit wrote but not what was loaded from storage or
// relayed from another node (storing those again would duplicate the log);
// fan-out forwards everything except the load. See docs/SYNC.md rule S3.
import type { Connection } from "./Connection";

/**
 * Updates that clients sent, applied together: a room applies everything its
 * connections sent in one tick as one Yjs transaction (one state-vector
 * computation and one update event per tick instead of one per keystroke).
 * Each update is kept with its sender, so the log still credits each author.
 */
export class ClientsOrigin {
  readonly kind = "clients";
  readonly sent: { connection: Connection; update: Uint8Array }[] = [];

  /** Takes the updates collected so far into a new origin, leaving this one empty. */
  splice(): ClientsOrigin {
    const taken = new ClientsOrigin();
    taken.sent.push(...this.sent.splice(0));
    return taken;
  }

  /**
   * Drops every update `connection` added (its frames of this tick, after one
   * was malformed). By connection rather than by position: a verdict may have
   * applied and spliced out the entries before them meanwhile.
   */
  dropFrom(connection: Connection): void {
    const kept = this.sent.filter((entry) => entry.connection !== connection);
    this.sent.length = 0;
    this.sent.push(...kept);
  }

  /** The connection every update came from, or undefined when there were several. */
  get soleSender(): Connection | undefined {
    const first = this.sent[0]?.connection;
    return this.sent.every((entry) => entry.connection === first) ? first : undefined;
  }
}

/** The document's stored state, applied when the room opens. */
export class LoadOrigin {
  readonly kind = "load";
}
export const LOAD_ORIGIN = new LoadOrigin();

/** An edit the server makes on behalf of a person (a version restore). */
export class ServerEditOrigin {
  readonly kind = "server-edit";
  constructor(readonly authorId: string) {}
}

/** An update another node of the cluster accepted and relayed (multi-node fan-out). */
export class RemoteOrigin {
  readonly kind = "remote";
  constructor(readonly nodeId: string) {}
}

/**
 * Rows of the update log this node had not applied, read back while the room
 * was open (multi-node catch-up): already stored, so never stored again, and
 * not relayed to other nodes (they read the log themselves).
 */
export class CatchUpOrigin {
  readonly kind = "catch-up";
}
export const CATCH_UP_ORIGIN = new CatchUpOrigin();

export type UpdateOrigin = ClientsOrigin | ServerEditOrigin | LoadOrigin | RemoteOrigin | CatchUpOrigin;

/** The typed origin of a Yjs transaction, or undefined for a transaction no room code started. */
export function asUpdateOrigin(origin: unknown): UpdateOrigin | undefined {
  if (typeof origin !== "object" || origin === null || !("kind" in origin)) return undefined;
  const kind = (origin as { kind: unknown }).kind;
  return kind === "clients" || kind === "server-edit" || kind === "load" || kind === "remote" || kind === "catch-up"
    ? (origin as UpdateOrigin)
    : undefined;
}

/**
 * What this node accepted or made in a transaction and must therefore
 * store, with the author of each update (rule S3): clients' updates as they
 * sent them, a server edit or Yjs' own clean-up as the transaction produced
 * it; nothing for the load, another node's updates or the log's own rows.
 */
export function acceptedUpdates(update: Uint8Array, origin: UpdateOrigin | undefined): { authorId: string | null; update: Uint8Array }[] {
  if (origin?.kind === "clients") {
    // One sender: the transaction's update is theirs, already merged by Yjs
    // (a burst's tick is one row's worth instead of hundreds to merge later).
    const sole = origin.soleSender;
    if (sole) return [{ authorId: sole.user.id, update }];
    return origin.sent.map((entry) => ({ authorId: entry.connection.user.id, update: entry.update }));
  }
  if (origin?.kind === "server-edit") return [{ authorId: origin.authorId, update }];
  // No origin: a change Yjs made on its own in the room's document — its
  // formatting clean-up after remote changes meet. Clients received it, so
  // it is stored too, credited to nobody.
  if (origin === undefined) return [{ authorId: null, update }];
  return [];
}
