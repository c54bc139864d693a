// Recorded editing traces (josephg/editing-traces, sequential format) turned
// into the Yjs updates one editor would send: one update per recorded
// transaction, into one paragraph's Y.XmlText in the editor's "default"
// fragment (the first update creates the paragraph). Generated once per run
// in the parent; the burst writer reads them from a temporary file.
import fs from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { FRAGMENT } from "./protocol";

export type Patch = [position: number, deleteCount: number, insert: string];
export type Trace = { name: string; startContent: string; endContent: string; txns: { patches: Patch[] }[] };

export async function loadTrace(file: string): Promise<Trace> {
  const raw: unknown = JSON.parse(gunzipSync(await fs.readFile(file)).toString("utf8"));
  if (!isSequentialTrace(raw)) throw new Error(`${file} is not a sequential editing trace ({ startContent, endContent, txns: [{ patches }] })`);
  // Trace positions count code points; slicing JS strings (UTF-16) is only the same for ASCII.
  if (!/^[\x00-\x7f]*$/.test(raw.endContent) || !/^[\x00-\x7f]*$/.test(raw.startContent)) {
    throw new Error(`${file} has non-ASCII text: positions would need code-point conversion`);
  }
  const name = file.split("/").at(-1)!.replace(/\.json\.gz$/, "");
  return { name, ...raw };
}

function isSequentialTrace(value: unknown): value is Omit<Trace, "name"> {
  if (typeof value !== "object" || value === null) return false;
  const trace = value as Partial<Trace>;
  return typeof trace.endContent === "string" && typeof trace.startContent === "string" && Array.isArray(trace.txns) && (trace.txns[0] === undefined || Array.isArray(trace.txns[0].patches));
}

export type TraceUpdates = {
  trace: string;
  transactions: number;
  patches: number;
  endContent: string;
  /** The generating document's client id: every update is authored by it. */
  clientId: number;
  updates: Uint8Array[];
  /** clockAfter[i]: the client's clock once update i is applied (delete-only updates leave it unchanged). */
  clockAfter: Uint32Array;
  /** Encoded state of the final document (V1), as a snapshot would store it. */
  finalState: Uint8Array;
  generateMs: number;
};

export function traceUpdates(trace: Trace): TraceUpdates {
  const started = performance.now();
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  doc.transact(() => {
    paragraph.insert(0, [text]);
    doc.getXmlFragment(FRAGMENT).insert(0, [paragraph]);
    if (trace.startContent) text.insert(0, trace.startContent);
  });
  const clocks: number[] = [Y.getState(doc.store, doc.clientID)];
  let patches = 0;
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [position, deleteCount, insert] of txn.patches) {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert) text.insert(position, insert);
        patches++;
      }
    });
    // A transaction that changed nothing emits no update: keep the arrays aligned.
    if (updates.length > clocks.length) clocks.push(Y.getState(doc.store, doc.clientID));
  }
  if (text.toString() !== trace.endContent) throw new Error(`${trace.name}: replaying the trace locally does not give its endContent`);
  const finalState = Y.encodeStateAsUpdate(doc);
  const result = {
    trace: trace.name,
    transactions: trace.txns.length,
    patches,
    endContent: trace.endContent,
    clientId: doc.clientID,
    updates,
    clockAfter: Uint32Array.from(clocks),
    finalState,
    generateMs: performance.now() - started,
  };
  doc.destroy();
  return result;
}

/** The floor: the same updates applied one by one to a bare Y.Doc in this process. */
export function applyFloorMs(updates: Uint8Array[], expected: string): number {
  const doc = new Y.Doc();
  const started = performance.now();
  for (const update of updates) Y.applyUpdate(doc, update);
  const elapsed = performance.now() - started;
  const paragraph = doc.getXmlFragment(FRAGMENT).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText) || text.toString() !== expected) throw new Error("the floor document does not equal the trace's endContent");
  doc.destroy();
  return elapsed;
}

/** Length-prefixed updates back to back (a file the burst writer reads). */
export function encodeUpdates(updates: Uint8Array[]): Buffer {
  const total = updates.reduce((sum, update) => sum + 4 + update.length, 4);
  const out = Buffer.allocUnsafe(total);
  out.writeUInt32LE(updates.length, 0);
  let at = 4;
  for (const update of updates) {
    out.writeUInt32LE(update.length, at);
    out.set(update, at + 4);
    at += 4 + update.length;
  }
  return out;
}

export function decodeUpdates(data: Buffer): Uint8Array[] {
  const count = data.readUInt32LE(0);
  const updates: Uint8Array[] = new Array(count);
  let at = 4;
  for (let i = 0; i < count; i++) {
    const length = data.readUInt32LE(at);
    updates[i] = new Uint8Array(data.buffer, data.byteOffset + at + 4, length);
    at += 4 + length;
  }
  return updates;
}
