// The import parser's worker thread: turns imported text into a document's
// title and content (documentFromImport) away from the thread that serves
// live editing, and answers each request by its id.
import { parentPort } from "node:worker_threads";
import { AppError } from "../errors";
import { documentFromImport } from "./documentFromImport";
import type { WorkerReady, WorkerReply, WorkerRequest } from "./importWorkerPool";

parentPort!.on("message", ({ id, source }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: documentFromImport(source) };
  } catch (error) {
    reply =
      error instanceof AppError
        ? { id, ok: false, error: { code: error.code, message: error.message } }
        : { id, ok: false, error: { code: null, message: error instanceof Error ? error.message : String(error) } };
  }
  parentPort!.postMessage(reply);
});

// Loaded: parse timeouts start from here, not from the thread's start-up.
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
