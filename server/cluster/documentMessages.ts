// What nodes tell each other about one document, on its Redis channel
// (docs/SYNC.md, "Several nodes"). Binary, with lib0's encoding, because the
// payloads are Yjs and awareness updates:
// - update: the updates one transaction of the publishing node accepted, with
//   their authors and the node's sequence number for the document (gaps show
//   a lost message);
// - stored: the publisher stored every update up to that sequence number;
// - awareness: presence of the publisher's connections;
// - awareness-query: a node that just opened the document asks for everyone's presence.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { PendingUpdate } from "../collab/documentStore";

export type DocumentMessage =
  | { kind: "update"; nodeId: string; seq: number; updates: PendingUpdate[] }
  | { kind: "stored"; nodeId: string; seq: number }
  | { kind: "awareness"; nodeId: string; update: Uint8Array }
  | { kind: "awareness-query"; nodeId: string };

const KIND_CODES = { update: 1, stored: 2, awareness: 3, "awareness-query": 4 } as const;

export function encodeDocumentMessage(message: DocumentMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND_CODES[message.kind]);
  encoding.writeVarString(encoder, message.nodeId);
  switch (message.kind) {
    case "update":
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint(encoder, message.updates.length);
      for (const { authorId, update } of message.updates) {
        encoding.writeVarString(encoder, authorId ?? "");
        encoding.writeVarUint8Array(encoder, update);
      }
      break;
    case "stored":
      encoding.writeVarUint(encoder, message.seq);
      break;
    case "awareness":
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awareness-query":
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a message; throws on anything malformed (the caller drops it). */
export function decodeDocumentMessage(data: Uint8Array): DocumentMessage {
  const decoder = decoding.createDecoder(data);
  const code = decoding.readVarUint(decoder);
  const nodeId = decoding.readVarString(decoder);
  switch (code) {
    case KIND_CODES.update: {
      const seq = decoding.readVarUint(decoder);
      const count = decoding.readVarUint(decoder);
      const updates: PendingUpdate[] = [];
      for (let i = 0; i < count; i++) {
        const authorId = decoding.readVarString(decoder);
        updates.push({ authorId: authorId === "" ? null : authorId, update: decoding.readVarUint8Array(decoder) });
      }
      return { kind: "update", nodeId, seq, updates };
    }
    case KIND_CODES.stored:
      return { kind: "stored", nodeId, seq: decoding.readVarUint(decoder) };
    case KIND_CODES.awareness:
      return { kind: "awareness", nodeId, update: decoding.readVarUint8Array(decoder) };
    case KIND_CODES["awareness-query"]:
      return { kind: "awareness-query", nodeId };
    default:
      throw new Error(`Unknown document message kind ${code}`);
  }
}
