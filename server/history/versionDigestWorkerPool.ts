// Runs version digests (versionDigest.ts) in one worker thread, started on
// the first digest and stopped after a quiet minute: checkpoints come minutes
// apart, and an idle thread would keep a V8 heap of its own. A digest the
// worker cannot give (it stopped or crashed) is computed on this thread
// instead, so no version is lost to the worker. Only the custom server
// imports this module: Next's bundle must not see the Worker.
import { Worker } from "node:worker_threads";
import { getLogger } from "../log";
import { digestVersionState, installVersionDigester, type VersionDigest } from "./versionDigest";

/** What the pool sends its worker (versionDigestWorkerMain.ts), and what comes back. */
export type DigestRequest = { id: number; state: Uint8Array };
export type DigestReply = { id: number; ok: true; digest: VersionDigest } | { id: number; ok: false; message: string };

const IDLE_STOP_MS = 60_000;

/** Serves versionDigest from a worker thread; the returned function stops it. */
export function startVersionDigestWorker(): () => Promise<void> {
  const pool = new DigestWorker();
  const uninstall = installVersionDigester((state) => pool.digest(state));
  return async () => {
    uninstall();
    await pool.stop();
  };
}

type Job = { state: Uint8Array; resolve: (digest: VersionDigest) => void; reject: (error: Error) => void };

class DigestWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Job>();
  private idleTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  digest(state: Uint8Array): Promise<VersionDigest> {
    if (this.stopped) return Promise.resolve(digestVersionState(state));
    clearTimeout(this.idleTimer);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<VersionDigest>((resolve, reject) => {
      this.pending.set(id, { state, resolve, reject });
      worker.postMessage({ id, state } satisfies DigestRequest);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.digestPendingHere();
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl());
    // Idle, it must not keep the process alive.
    worker.unref();
    worker.on("message", (reply: DigestReply) => {
      if (this.worker === worker) this.settle(reply);
    });
    worker.on("error", (error) => getLogger().error({ component: "versions", err: error }, "version digest worker failed"));
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.digestPendingHere();
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: DigestReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.digest);
    else job.reject(new Error(reply.message));
    if (this.pending.size === 0) this.idleTimer = setTimeout(() => void this.retire(), IDLE_STOP_MS).unref();
  }

  /** Stops the idle worker; the next digest starts a new one. */
  private async retire(): Promise<void> {
    if (this.pending.size > 0) return;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private digestPendingHere(): void {
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      try {
        job.resolve(digestVersionState(job.state));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}

/**
 * The worker's entry, beside the code that starts it: built, the server's
 * bundle has dist/server/versionDigestWorker.js beside it (server/cli/build.mjs);
 * from the sources it is versionDigestWorker.mjs, which registers TypeScript first.
 */
function workerUrl(): URL {
  const fromSources = import.meta.url.endsWith(".ts");
  return new URL(fromSources ? "./versionDigestWorker.mjs" : "./versionDigestWorker.js", import.meta.url);
}
