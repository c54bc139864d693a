// The three servers' wire protocols, as far as the benchmark's raw clients
// need them. Ours and y-websocket's reference server speak y-websocket's
// protocol: one document per socket (/collab/<id> or /<id>), each frame a
// varUint message type and its payload. Hocuspocus multiplexes documents on
// one socket: every frame starts with the document name as a varString, then
// the message type; a client first sends an Auth message (type 2, Token) and
// the server holds everything else until it has answered "Authenticated".
// Read from node_modules/@hocuspocus/{server,provider,common} 4.7/4.8.
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

export type ServerKind = "ours" | "hocuspocus" | "ywebsocket";
export const SERVER_KINDS: readonly ServerKind[] = ["ours", "hocuspocus", "ywebsocket"];
export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: "ours",
  hocuspocus: "Hocuspocus 4.7",
  ywebsocket: "y-websocket 2.1.0 reference server",
};

/** The editor's Yjs type (Tiptap's Collaboration extension, field "default"). */
export const FRAGMENT = "default";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Where a server listens and how a client addresses one document on it. */
export type Endpoint = { kind: ServerKind; host: string; port: number };

/** Path of the websocket for one document (Hocuspocus: one path for all, the name travels in each frame). */
export function socketPath(kind: ServerKind, documentId: string): string {
  if (kind === "ours") return `/collab/${documentId}`;
  if (kind === "ywebsocket") return `/${documentId}`;
  return "/";
}

/** Base URL a provider appends the document to (y-websocket), or the server URL (Hocuspocus). */
export function providerUrl(endpoint: Endpoint): string {
  const base = `ws://${endpoint.host}:${endpoint.port}`;
  return endpoint.kind === "ours" ? `${base}/collab` : base;
}

export const HOCUSPOCUS_TOKEN = "bench";

/**
 * Frames one client sends for one document: the document-name prefix for
 * Hocuspocus, nothing for the others. Pre-computed per socket so a send is
 * one copy.
 */
export class Dialect {
  readonly prefix: Uint8Array;

  constructor(
    readonly kind: ServerKind,
    readonly documentId: string,
  ) {
    if (kind === "hocuspocus") {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, documentId);
      this.prefix = encoding.toUint8Array(encoder);
    } else {
      this.prefix = new Uint8Array(0);
    }
  }

  /** Messages to send as soon as the socket is open. */
  opening(): Uint8Array[] {
    const step1 = this.sync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
    if (this.kind !== "hocuspocus") return [step1];
    const auth = encoding.createEncoder();
    encoding.writeVarUint(auth, MESSAGE_AUTH);
    encoding.writeVarUint(auth, 0); // AuthMessageType.Token
    encoding.writeVarString(auth, HOCUSPOCUS_TOKEN);
    return [this.wrap(encoding.toUint8Array(auth)), step1];
  }

  /** A sync message (step 1, step 2 or update) with its payload. */
  sync(type: number, payload: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  wrap(message: Uint8Array): Uint8Array {
    if (this.prefix.length === 0) return message;
    const out = new Uint8Array(this.prefix.length + message.length);
    out.set(this.prefix, 0);
    out.set(message, this.prefix.length);
    return out;
  }

  /** True for the server's sync step 1 (after which the client is in the document). */
  isServerStep1(payload: Uint8Array): boolean {
    const at = this.prefix.length;
    if (payload.length < at + 2) return false;
    for (let i = 0; i < at; i++) if (payload[i] !== this.prefix[i]) return false;
    // Hocuspocus answers with Sync (0) or SyncReply (4); both carry step 1 here.
    return (payload[at] === MESSAGE_SYNC || (this.kind === "hocuspocus" && payload[at] === 4)) && payload[at + 1] === SYNC_STEP1;
  }
}

/** One awareness entry (client id, clock, JSON state) as an awareness message (type 1). */
export function awarenessMessage(prefix: Uint8Array, clientId: number, clock: number, stateJson: string): Uint8Array {
  const entries = encoding.createEncoder();
  encoding.writeVarUint(entries, 1);
  encoding.writeVarUint(entries, clientId);
  encoding.writeVarUint(entries, clock);
  encoding.writeVarString(entries, stateJson);
  const message = encoding.createEncoder();
  encoding.writeUint8Array(message, prefix);
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(entries));
  return encoding.toUint8Array(message);
}

/** Tiptap's CollaborationCaret state: { user: { name, color }, cursor: { anchor, head } }. */
export function caretState(user: { name: string; color: string }, position: unknown): string {
  return JSON.stringify({ user, cursor: { anchor: position, head: position } });
}
