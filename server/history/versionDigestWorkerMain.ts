// The version-digest worker thread: answers each state it is sent with its
// digest (versionDigest.ts), by id, away from the thread that serves editing.
import { parentPort } from "node:worker_threads";
import { digestVersionState } from "./versionDigest";
import type { DigestReply, DigestRequest } from "./versionDigestWorkerPool";

parentPort!.on("message", ({ id, state }: DigestRequest) => {
  let reply: DigestReply;
  try {
    reply = { id, ok: true, digest: digestVersionState(state) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
