// The version digest in the server's worker thread gives what the same
// digest gives here (the content hash an approval pins must not depend on
// where it was computed), and without the worker it is computed here.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { documentSchema } from "../documents/documentState";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { digestVersionState, versionDigest } from "./versionDigest";
import { startVersionDigestWorker } from "./versionDigestWorkerPool";

function stateOf(paragraphs: string[]): Uint8Array {
  const doc = prosemirrorJSONToYDoc(documentSchema(), { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) }, DOCUMENT_FRAGMENT);
  return Y.encodeStateAsUpdate(doc);
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe("version digest worker", () => {
  it("gives the same state vector, content hash and word count as the digest on this thread", async () => {
    stop = startVersionDigestWorker();
    const state = stateOf(["Talks resumed in Istanbul on Friday.", "Both delegations met for under two hours."]);
    const inWorker = await versionDigest(state);
    const here = digestVersionState(state);
    expect({ ...inWorker, stateVector: [...inWorker.stateVector] }).toEqual({ ...here, stateVector: [...here.stateVector] });
    expect(inWorker.wordCount).toBe(13);
  });

  it("digests on this thread once the worker is stopped", async () => {
    const stopWorker = startVersionDigestWorker();
    await stopWorker();
    const state = stateOf(["One line."]);
    expect((await versionDigest(state)).contentHash).toBe(digestVersionState(state).contentHash);
  });
});
