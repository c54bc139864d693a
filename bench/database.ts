// The benchmark's own infrastructure: a fresh embedded PostgreSQL in a
// temporary folder (migrated with the app's runner) and the sync server in a
// child process (bench/serverProcess.ts) that can be restarted for cold loads.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embeddedPostgres";
import { applyMigrations } from "../server/db/migrate";
import { disconnectPrisma } from "../server/db/prisma";
import { startChild, type ChildHandle } from "./childProcess";
import { processTreeCpuMs } from "./machineLoad";
import type { ServerStats } from "./serverProcess";

export type BenchDatabase = {
  connectionString: string;
  /** CPU time used so far by PostgreSQL (postmaster and backends), in ms; undefined where it cannot be read. */
  cpuMs(): number | undefined;
  /** Stops PostgreSQL and deletes the temporary folder; safe to call twice. */
  stop(): Promise<void>;
};

export async function startBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "newsroom-bench-"));
  // As root, PostgreSQL runs as the postgres OS user, which must reach the folder.
  await fs.chmod(dataDir, 0o755);
  let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await disconnectPrisma().catch(() => {});
    try {
      await database?.stop();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  };
  try {
    database = await startEmbeddedPostgres(dataDir, log);
    await applyMigrations(database.connectionString);
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  process.env.DATABASE_URL = database.connectionString;
  const postmasterPidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const cpuMs = () => {
    try {
      const pid = Number(readFileSync(postmasterPidFile, "utf8").split("\n", 1)[0]);
      return Number.isInteger(pid) && pid > 0 ? processTreeCpuMs(pid) : undefined;
    } catch {
      return undefined;
    }
  };
  return { connectionString: database.connectionString, cpuMs, stop };
}

export type BenchServer = {
  readonly port: number;
  readonly wsUrl: string;
  readonly authSecret: string;
  readonly pid: number;
  stats(timeoutMs?: number): Promise<ServerStats>;
  resetLoopDelay(timeoutMs?: number): Promise<void>;
  /** Flushes the room's update log and snapshot; false when the room is not open. */
  flush(documentId: string): Promise<boolean>;
  /** Waits until the server has unloaded every room (all clients gone, flushed). */
  waitForNoRooms(timeoutMs?: number): Promise<void>;
  /** Graceful stop (flushes every room) or, with force, SIGKILL; then a fresh server process on a new port. */
  restart(options?: { force?: boolean }): Promise<void>;
  stop(): Promise<void>;
};

export async function startBenchServer(database: BenchDatabase): Promise<BenchServer> {
  const authSecret = randomBytes(32).toString("hex");
  const env = { DATABASE_URL: database.connectionString, BENCH_AUTH_SECRET: authSecret, NODE_ENV: "production" };

  let child: ChildHandle;
  let port = 0;
  const spawn = async () => {
    // BENCH_CPU_PROF_DIR=/some/dir writes a V8 CPU profile of each server process there (for finding hot spots).
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    child = startChild("sync server", "serverProcess.ts", env, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
    const ready = await child.nextEvent<{ port: number }>("ready", 60_000);
    port = ready.port;
  };
  await spawn();

  const server: BenchServer = {
    get port() {
      return port;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}/collab`;
    },
    get pid() {
      return child.child.pid ?? -1;
    },
    authSecret,
    stats: (timeoutMs) => child.request<ServerStats>("stats", undefined, timeoutMs),
    resetLoopDelay: (timeoutMs) => child.request<void>("resetLoopDelay", undefined, timeoutMs),
    flush: (documentId) => child.request<boolean>("flush", { documentId }, 120_000),
    async waitForNoRooms(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rooms } = await server.stats(Math.max(1000, deadline - Date.now()));
        if (rooms.length === 0) return;
        if (Date.now() > deadline) throw new Error(`rooms still open after ${timeoutMs} ms: ${JSON.stringify(rooms)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async restart(options = {}) {
      if (options.force) await child.kill();
      else await child.stop();
      await spawn();
    },
    stop: () => child.stop(),
  };
  return server;
}
