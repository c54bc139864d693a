// Test helpers for the sync server's unit tests: a socket that records what
// the room sends, connections on it, and frames in y-websocket's protocol.
// Integration tests use real sockets (test/support/); these are for the
// room's and the extensions' own logic.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { DocumentRole } from "../db/generated/enums";
import { Connection, type CollabSocket } from "./Connection";
import { encodeSyncUpdate, MessageType, SyncMessageType } from "./protocol";

export class FakeSocket implements CollabSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | undefined;
  terminated = false;
  paused = false;
  pings = 0;
  private pongListeners: (() => void)[] = [];

  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
  ping(): void {
    this.pings++;
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  on(_event: "pong", listener: () => void): void {
    this.pongListeners.push(listener);
  }
  pong(): void {
    for (const listener of this.pongListeners) listener();
  }

  /** Applies every sync message received so far to `doc` (a client's view). */
  applyReceived(doc: Y.Doc): void {
    for (const frame of this.sent) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
      const type = decoding.readVarUint(decoder);
      if (type === SyncMessageType.step1) continue;
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    }
  }

  /** Message types of the frames received, in order (0 sync, 1 awareness, 100 event). */
  messageTypes(): number[] {
    return this.sent.map((frame) => decoding.readVarUint(decoding.createDecoder(frame)));
  }
}

let nextUser = 1;

export function fakeConnection(role: DocumentRole = "editor", userId = `user-${nextUser++}`): { connection: Connection; socket: FakeSocket } {
  const socket = new FakeSocket();
  const connection = new Connection(socket, { id: userId, role: "analyst" }, { id: userId, name: `User ${userId}`, color: "#123456" }, role);
  return { connection, socket };
}

/** A client's sync update frame: the same encoding the server sends (protocol.ts). */
export const updateFrame = encodeSyncUpdate;

export function awarenessFrame(clientId: number, clock: number, state: Record<string, unknown> | null): Uint8Array {
  const entries = encoding.createEncoder();
  encoding.writeVarUint(entries, 1);
  encoding.writeVarUint(entries, clientId);
  encoding.writeVarUint(entries, clock);
  encoding.writeVarString(entries, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entries));
  return encoding.toUint8Array(encoder);
}

/** A client document that types into its own paragraph; each call returns the update of one keystroke. */
export function typist(text = ""): { doc: Y.Doc; type(chars: string): Uint8Array[] } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText(text);
  paragraph.insert(0, [content]);
  doc.getXmlFragment("default").insert(0, [paragraph]);
  return {
    doc,
    type(chars) {
      const updates: Uint8Array[] = [];
      const record = (update: Uint8Array) => updates.push(update);
      doc.on("update", record);
      for (const char of chars) content.insert(content.length, char);
      doc.off("update", record);
      return updates;
    },
  };
}

/** The whole state of a typist's document so far (its paragraph included). */
export const stateOf = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

/** Lets pending ticks (setImmediate) run. */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}
