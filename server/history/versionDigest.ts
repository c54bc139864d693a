// What a version row stores beside its state, derived from that state alone:
// the state vector, the content hash (what an approval pins) and the word
// count. For a large document this is the expensive part of taking a
// version — decoding it, building its JSON and text — so the custom server
// runs it in a worker thread (versionDigestWorkerPool.ts) and the sync server's
// event loop does not stall at each automatic checkpoint. Without the worker
// (Next's bundle on its own, scripts, tests) it runs here.
import * as Y from "yjs";
import { countWords } from "../../lib/editor/countWords";
import { contentHash } from "../documents/contentHash";
import { documentTextFromYDoc } from "../documents/documentState";
import { processGlobal } from "../processGlobal";

export type VersionDigest = { stateVector: Uint8Array; contentHash: string; wordCount: number };

export function digestVersionState(state: Uint8Array): VersionDigest {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { stateVector: Y.encodeStateVector(doc), contentHash: contentHash(doc), wordCount: countWords(documentTextFromYDoc(doc)) };
  } finally {
    doc.destroy();
  }
}

type Digester = (state: Uint8Array) => Promise<VersionDigest>;

// Process-wide: the custom server installs it, Next's route handlers (their own module copies) use it too.
const installed = processGlobal<Digester>("versionDigester");

/** Installs the worker's digester; the returned function removes it. */
export const installVersionDigester = (digester: Digester) => installed.set(digester);

/** The digest of `state`, in the worker thread when the server has one. */
export async function versionDigest(state: Uint8Array): Promise<VersionDigest> {
  const digester = installed.get();
  return digester ? digester(state) : digestVersionState(state);
}
