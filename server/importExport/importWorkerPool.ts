// The worker thread that parses imports (see importParser.ts for why), started
// on the first import; one file at a time from a bounded queue, each answered
// by its id. Only the
// custom server imports this module: Next's bundle must not see the Worker.
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "../errors";
import { getLogger } from "../log";
import type { ImportSource } from "./documentFromImport";
import { installImportParser, type ParsedImport } from "./importParser";

/** What the pool sends its worker (importWorkerMain.ts), and what comes back. */
export type WorkerRequest = { id: number; source: ImportSource };
export type WorkerReply =
  | { id: number; ok: true; result: ParsedImport }
  | { id: number; ok: false; error: { code: AppErrorCode | null; message: string } };
/** Sent once by a worker when it has loaded the parser and can take work. */
export type WorkerReady = { ready: true };

/** A parse that takes longer than this is abandoned (the worker is restarted) with a 422. */
const PARSE_TIMEOUT_MS = 20_000;
/**
 * Imports waiting behind the one being parsed. Parses run one at a time (one
 * worker thread: the other core serves live editing), so a long queue only
 * means long waits; past this bound an import is answered 503 at once.
 */
const MAX_QUEUED_IMPORTS = 16;
/** What a refused import's Retry-After says: about one parse timeout. */
const RETRY_AFTER_SECONDS = 20;

export type ImportWorkerOptions = {
  timeoutMs?: number;
  maxQueued?: number;
};

/** Serves parseImport from a worker thread; the returned function stops it. */
export function startImportWorker(options: ImportWorkerOptions = {}): () => Promise<void> {
  const pool = new ImportWorker(options.timeoutMs ?? PARSE_TIMEOUT_MS, options.maxQueued ?? MAX_QUEUED_IMPORTS);
  const uninstall = installImportParser((source) => pool.parse(source));
  return async () => {
    uninstall();
    await pool.stop();
  };
}

type Job = { id: number; source: ImportSource; resolve: (value: ParsedImport) => void; reject: (error: Error) => void };

/**
 * One worker thread, one parse at a time, a bounded queue. The timeout runs
 * from the moment a parse is handed to a worker that is ready (not from when
 * it was queued, nor through the worker's start-up): a file that is slow to
 * parse fails alone, the worker is replaced, and the imports queued behind it
 * go on with the new one.
 */
class ImportWorker {
  private worker: Worker | undefined;
  private ready = false;
  private nextId = 1;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout | undefined } | undefined;
  private stopped = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly maxQueued: number,
  ) {}

  parse(source: ImportSource): Promise<ParsedImport> {
    if (this.stopped) return Promise.reject(new AppError("unavailable", "The server is restarting; try the import again"));
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(
        new AppError("unavailable", "Too many imports are waiting; try again in a moment", undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS }),
      );
    }
    return new Promise<ParsedImport>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, source, resolve, reject });
      this.dispatch();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const error = new AppError("unavailable", "The server is restarting; try the import again");
    this.finishCurrent()?.reject(error);
    for (const job of this.queue.splice(0)) job.reject(error);
    await this.replaceWorker();
  }

  /** Hands the next queued import to the worker, starting one if needed. */
  private dispatch(): void {
    if (this.stopped || this.current || this.queue.length === 0) return;
    const worker = this.start();
    if (!this.ready) return; // dispatched again when the worker says it is ready
    const job = this.queue.shift()!;
    const timer = setTimeout(() => {
      // A file that keeps the parser busy this long is refused; only it.
      this.finishCurrent()?.reject(new AppError("unprocessable", "The file took too long to read; split it or simplify its formatting"));
      void this.replaceWorker().then(() => this.dispatch());
    }, this.timeoutMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, source: job.source } satisfies WorkerRequest);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(importWorkerUrl());
    this.ready = false;
    // Idle, it must not keep the process alive.
    worker.unref();
    worker.on("message", (reply: WorkerReply | WorkerReady) => {
      if (this.worker !== worker) return;
      if ("ready" in reply) {
        this.ready = true;
        this.dispatch();
      } else this.settle(reply);
    });
    worker.on("error", (error) => {
      getLogger().error({ component: "import", err: error }, "parser worker failed");
      if (this.worker === worker) this.finishCurrent()?.reject(new Error(`The import parser failed: ${error.message}`));
    });
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = false;
      // The import it was parsing when it died fails; the ones queued go on with a new worker.
      this.finishCurrent()?.reject(new Error("The import parser stopped"));
      this.dispatch();
    });
    this.worker = worker;
    return worker;
  }

  private async replaceWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    await worker?.terminate();
  }

  private settle(reply: WorkerReply): void {
    if (this.current?.job.id !== reply.id) return;
    const job = this.finishCurrent()!;
    if (reply.ok) job.resolve(reply.result);
    else job.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    this.dispatch();
  }

  /** Ends the parse in flight (its timer too) and returns its job for the caller to settle. */
  private finishCurrent(): Job | undefined {
    const current = this.current;
    this.current = undefined;
    clearTimeout(current?.timer);
    return current?.job;
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
