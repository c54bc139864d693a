// Typed origins of the room document's transactions. Every change to a room's
// Y.Doc carries one, and extensions decide by it: persistence stores what a
// connection or a server edit wrote but not what was loaded from storage or
// relayed from another node (storing those again would duplicate the log);
// fan-out forwards everything except the load. See docs/SYNC.md rule S3.
import type { Connection } from "./Connection";

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

export type UpdateOrigin = Connection | ServerEditOrigin | LoadOrigin | RemoteOrigin;

/** The typed origin of a Yjs transaction, or undefined for a transaction no room code started. */
export function asUpdateOrigin(origin: unknown): UpdateOrigin | undefined {
  if (typeof origin !== "object" || origin === null || !("kind" in origin)) return undefined;
  const kind = (origin as { kind: unknown }).kind;
  return kind === "connection" || kind === "server-edit" || kind === "load" || kind === "remote" ? (origin as UpdateOrigin) : undefined;
}

/** Who wrote an update with this origin (null: nobody the log can credit). */
export function authorOf(origin: UpdateOrigin | undefined): string | null {
  if (origin?.kind === "connection") return origin.user.id;
  if (origin?.kind === "server-edit") return origin.authorId;
  return null;
}

/** Whether this node accepted the update itself and must therefore store it (S3). */
export function isAcceptedHere(origin: UpdateOrigin | undefined): boolean {
  return origin?.kind === "connection" || origin?.kind === "server-edit";
}
