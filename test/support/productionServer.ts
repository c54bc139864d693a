// The production server as a service manager runs it — `npm start`, or
// `node dist/server/main.js` — with its embedded PostgreSQL in its own
// DATA_DIR, spawned in its own process group, and helpers to signal it and to
// check that nothing of it is left.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../server/db/generated/client";
import { projectDir } from "../../server/projectDir";
import { TEST_AUTH_SECRET, waitFor } from "./testServer";

/** Builds what is stale (as npm start's prestart does), so that starts in the tests take seconds. */
export function buildIfStale(): void {
  execFileSync(process.execPath, [path.join(projectDir(), "server/cli/build.mjs"), "--if-stale"], {
    cwd: projectDir(),
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export async function makeDataDir(): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "newsroom-prod-server-"));
  // As root, PostgreSQL runs as the postgres user, which must reach the folder.
  await fs.chmod(dataDir, 0o755);
  return dataDir;
}

export type ProductionServer = {
  /** The process started (`npm`, or the server itself), leader of its own process group. */
  top: ChildProcess;
  exited: Promise<void>;
  output: () => string;
  port: number;
  dataDir: string;
  /** The node server (npm's child, or the top process itself), from DATA_DIR/server.pid. */
  serverPid: number;
  /** The embedded PostgreSQL's postmaster, from its postmaster.pid. */
  postgresPid: number;
  wsUrl: string;
};

/** `npm start` by default; any other command (and working directory) to start the built server differently; `env` adds to or overrides its environment. */
export async function startProductionServer(
  dataDir: string,
  port: number,
  { command = "npm", args = ["start"], cwd = projectDir(), env: extraEnv = {} }: { command?: string; args?: string[]; cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<ProductionServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "0",
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    DATABASE_URL: "",
    NEXTAUTH_URL: "",
    ...extraEnv,
  };
  for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
  const top = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  top.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  top.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    top.once("exit", () => {
      hasExited = true;
      resolve();
    }),
  );
  try {
    await waitFor(
      async () => {
        if (hasExited) throw new Error(`${command} ${args.join(" ")} exited before it was ready:\n${output}`);
        return fetch(`http://127.0.0.1:${port}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
      },
      { timeout: 120_000, interval: 100, message: `${command} ${args.join(" ")} to be ready` },
    );
  } catch (error) {
    if (!hasExited) process.kill(-top.pid!, "SIGKILL");
    throw error;
  }
  const serverPid = Number(readFileSync(path.join(dataDir, "server.pid"), "utf8").trim());
  const postgresPid = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  return { top, exited, output: () => output, port, dataDir, serverPid, postgresPid, wsUrl: `ws://127.0.0.1:${port}/collab` };
}

/** A Prisma client on the embedded PostgreSQL of a running server, found from its DATA_DIR. */
export function connectToServerDatabase(dataDir: string): PrismaClient {
  const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  const port = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[3]!.trim();
  const connectionString = `postgresql://newsroom:${encodeURIComponent(password)}@127.0.0.1:${port}/newsroom`;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** A process that exists and is not a zombie waiting for its parent. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    // Field 3, after the parenthesised command name.
    return readFileSync(stat, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

/** True while any process of the group is left. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Processes (other than zombies) whose command line or environment names this folder (Linux; empty elsewhere). */
export function processesUsing(dataDir: string): string[] {
  if (!existsSync("/proc")) return [];
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
      if ((cmdline.includes(dataDir) || environ.includes(`DATA_DIR=${dataDir}\0`)) && isRunning(pid)) found.push(`${pid} ${cmdline}`);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

export function portRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the started process, the server and its PostgreSQL are all gone and the port is free. */
export async function waitUntilGone(started: ProductionServer, timeout = 60_000): Promise<void> {
  await waitFor(
    async () =>
      !isRunning(started.top.pid!) &&
      !groupAlive(started.top.pid!) &&
      !isRunning(started.serverPid) &&
      !isRunning(started.postgresPid) &&
      (await portRefused(started.port)),
    { timeout, interval: 50, message: `the server (port ${started.port}) and its PostgreSQL to exit\n${started.output()}` },
  );
  await started.exited;
}

/** After a failed test: nothing of it may outlive the run. */
export function killLeftovers(started: ProductionServer): void {
  if (groupAlive(started.top.pid!)) process.kill(-started.top.pid!, "SIGKILL");
  // Fast shutdown; PostgreSQL runs in its own session, out of the group's reach.
  if (isRunning(started.postgresPid)) process.kill(started.postgresPid, "SIGINT");
}
