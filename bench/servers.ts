// The three servers under test, each alone in a child process started with
// --expose-gc: ours (serverProcess.ts, with PostgreSQL), Hocuspocus and
// y-websocket's reference server (peers/*.ts, in memory only). The parent
// reads their CPU and memory from /proc (works while a server is stuck) and
// asks them over IPC for event-loop delay, open documents and a GC.
import { randomBytes } from "node:crypto";
import { startChild, type ChildHandle } from "./childProcess";
import type { BenchDatabase } from "./database";
import type { ServerLagHistogram } from "./persistenceLag";
import { SERVER_LABELS, type Endpoint, type ServerKind } from "./protocol";
import type { ServerStats } from "./serverChild";

export type ServerUnderTest = {
  readonly kind: ServerKind;
  readonly label: string;
  readonly endpoint: Endpoint;
  readonly pid: number;
  /** Times the process was restarted (killed after a collapse, or fresh for the memory benchmark). */
  readonly restarts: number;
  stats(timeoutMs?: number): Promise<ServerStats>;
  resetLoopDelay(timeoutMs?: number): Promise<void>;
  /** A full GC in the server process; false when it could not run one. */
  gc(timeoutMs?: number): Promise<boolean>;
  /** A full GC, then the heap in use at once; undefined when the server cannot collect. */
  heapUsedAfterGc(timeoutMs?: number): Promise<number | undefined>;
  /** Ours: the server's own accepted → stored histogram since the last reset (undefined for the peers or when unavailable). */
  persistenceLag(options?: { reset?: boolean }): Promise<ServerLagHistogram | undefined>;
  /** V8's heap spaces, committed and used bytes of each (for BENCH_MEMORY_DETAIL). */
  heapSpaces(): Promise<Record<string, { physical: number; used: number }>>;
  /** Writes a heap snapshot of the server process to folder/label.heapsnapshot; returns its path. */
  heapSnapshot(folder: string, label: string): Promise<string>;
  /** Ours: stores a room's pending updates now; false when not possible. */
  flush(documentId: string): Promise<boolean>;
  /**
   * Waits until the server holds no document (y-websocket's reference
   * server keeps documents: there, until no connection is left). False on
   * timeout; undefined when the server cannot tell.
   */
  waitUntilIdle(timeoutMs: number): Promise<boolean | undefined>;
  /** Graceful stop (ours flushes every room) or, with force, SIGKILL; then a fresh process. */
  restart(options?: { force?: boolean }): Promise<void>;
  stop(): Promise<void>;
};

const MODULES: Record<ServerKind, string> = {
  ours: "serverProcess.ts",
  hocuspocus: "peers/hocuspocusServer.ts",
  ywebsocket: "peers/yWebsocketServer.ts",
};

/**
 * Starts a server in a child process. `module` and `label` run another
 * process speaking `kind`'s protocol instead (the latency floor's relay).
 */
export async function startServer(kind: ServerKind, options: { database?: BenchDatabase; authSecret: string; module?: string; label?: string }): Promise<ServerUnderTest> {
  const env: Record<string, string> = { NODE_ENV: "production" };
  if (kind === "ours") {
    if (!options.database) throw new Error("our server needs the database");
    env.DATABASE_URL = options.database.connectionString;
    env.BENCH_AUTH_SECRET = options.authSecret;
  }
  let child!: ChildHandle;
  let port = 0;
  let restarts = 0;
  const spawn = async () => {
    // BENCH_CPU_PROF_DIR=/some/dir writes a V8 CPU profile of each server process there.
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    // BENCH_OURS_NODE_FLAGS="--max-semi-space-size=2": extra node flags for our server only (for experiments; a full run reports them).
    const oursFlags = kind === "ours" ? (process.env.BENCH_OURS_NODE_FLAGS ?? "").split(" ").filter(Boolean) : [];
    const execArgv = ["--expose-gc", ...oursFlags, ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])];
    child = startChild(options.label ?? SERVER_LABELS[kind], options.module ?? MODULES[kind], env, execArgv);
    ({ port } = await child.nextEvent<{ port: number }>("ready", 60_000));
  };
  await spawn();
  const server: ServerUnderTest = {
    kind,
    label: options.label ?? SERVER_LABELS[kind],
    get endpoint() {
      return { kind, host: "127.0.0.1", port };
    },
    get pid() {
      return child.child.pid ?? -1;
    },
    get restarts() {
      return restarts;
    },
    stats: (timeoutMs = 10_000) => child.request<ServerStats>("stats", undefined, timeoutMs),
    resetLoopDelay: (timeoutMs = 10_000) => child.request<void>("resetLoopDelay", undefined, timeoutMs),
    gc: (timeoutMs = 30_000) => child.request<boolean>("gc", undefined, timeoutMs).catch(() => false),
    heapUsedAfterGc: (timeoutMs = 30_000) => child.request<number | undefined>("heapUsedAfterGc", undefined, timeoutMs).catch(() => undefined),
    persistenceLag: (options = {}) =>
      kind === "ours" ? child.request<ServerLagHistogram>("persistenceLag", options, 10_000).catch(() => undefined) : Promise.resolve(undefined),
    heapSpaces: () => child.request<Record<string, { physical: number; used: number }>>("heapSpaces", undefined, 10_000),
    heapSnapshot: (folder, label) => child.request<string>("heapSnapshot", { folder, label }, 300_000),
    flush: (documentId) => (kind === "ours" ? child.request<boolean>("flush", { documentId }, 120_000).catch(() => false) : Promise.resolve(false)),
    async waitUntilIdle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const stats = await server.stats(Math.max(1000, deadline - Date.now())).catch(() => undefined);
        const left = kind === "ywebsocket" ? stats?.connections : stats?.documents;
        if (stats && left === undefined) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return undefined;
        }
        if (left === 0) return true;
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async restart(restartOptions = {}) {
      restarts++;
      if (restartOptions.force) await child.kill();
      else await child.stop(30_000);
      await spawn();
    },
    stop: () => child.stop(30_000),
  };
  return server;
}

export function newAuthSecret(): string {
  return randomBytes(32).toString("hex");
}
