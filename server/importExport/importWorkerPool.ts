// The worker thread that parses imports (see importParser.ts for why), started
// on the first import; one file at a time, each answered by its id. Only the
// custom server imports this module: Next's bundle must not see the Worker.
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "../errors";
import type { ImportSource } from "./documentFromImport";
import { installImportParser, type ParsedImport } from "./importParser";

/** What the pool sends its worker (importWorkerMain.ts), and what comes back. */
export type WorkerRequest = { id: number; source: ImportSource };
export type WorkerReply =
  | { id: number; ok: true; result: ParsedImport }
  | { id: number; ok: false; error: { code: AppErrorCode | null; message: string } };

/** A parse that takes longer than this is abandoned (the worker is restarted) with a 422. */
const PARSE_TIMEOUT_MS = 20_000;

/** Serves parseImport from a worker thread; the returned function stops it. */
export function startImportWorker(): () => Promise<void> {
  const pool = new ImportWorker();
  const uninstall = installImportParser((source) => pool.parse(source));
  return async () => {
    uninstall();
    await pool.stop();
  };
}

type Pending = { resolve: (value: ParsedImport) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

class ImportWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  parse(source: ImportSource): Promise<ParsedImport> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<ParsedImport>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A file that keeps the parser busy this long is refused; the worker is replaced.
        this.failAll(new AppError("unprocessable", "The file took too long to read; split it or simplify its formatting"));
        void this.stop();
      }, PARSE_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, source } satisfies WorkerRequest);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new AppError("unavailable", "The server is restarting; try the import again"));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(importWorkerUrl());
    // Idle, it must not keep the process alive.
    worker.unref();
    worker.on("message", (reply: WorkerReply) => this.settle(reply));
    worker.on("error", (error) => {
      console.error("[import] parser worker failed", error);
      this.failAll(new Error(`The import parser failed: ${error.message}`));
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error("The import parser stopped"));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
  }

  private failAll(error: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}

/**
 * The worker's entry, beside the code that starts it. Built, the server is one
 * bundle (dist/server/main.js) and the worker another beside it
 * (dist/server/importWorker.js, see server/cli/build.mjs). From the sources
 * (tsx, vitest) it is importWorker.mjs, which registers TypeScript support
 * first: a worker does not inherit the parent's module loader.
 */
function importWorkerUrl(): URL {
  const fromSources = import.meta.url.endsWith(".ts");
  return new URL(fromSources ? "./importWorker.mjs" : "./importWorker.js", import.meta.url);
}
