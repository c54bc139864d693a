// The benchmark's PostgreSQL: a fresh embedded PostgreSQL in a temporary
// folder, migrated with the app's runner, with track_commit_timestamp on so
// the persistence-lag measurement can read when each update-log row was
// committed (pg_xact_commit_timestamp) without touching the server's code.
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../server/db/embeddedPostgres";
import { applyMigrations } from "../server/db/migrate";
import { disconnectPrisma } from "../server/db/prisma";
import { processTreeCpuMs } from "./machineLoad";

export type BenchDatabase = {
  connectionString: string;
  /** Whether PostgreSQL records commit timestamps (else persistence lag falls back to created_at). */
  commitTimestamps: boolean;
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
  let commitTimestamps = false;
  try {
    database = await startEmbeddedPostgres(dataDir, log);
    await applyMigrations(database.connectionString);
    // A server setting: needs a restart of PostgreSQL to take effect.
    await query(database.connectionString, "ALTER SYSTEM SET track_commit_timestamp = on");
    await disconnectPrisma().catch(() => {});
    await database.stop();
    database = await startEmbeddedPostgres(dataDir, log);
    const rows = await query(database.connectionString, "SHOW track_commit_timestamp");
    commitTimestamps = rows[0]?.track_commit_timestamp === "on";
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
  return { connectionString: database.connectionString, commitTimestamps, cpuMs, stop };
}

async function query(connectionString: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
