// Nodes of a multi-node deployment for tests: the built server
// (`node dist/server/main.js`, as a service manager runs it) on a shared
// PostgreSQL (the tests' database) and a shared Redis, each in its own
// process group and DATA_DIR; and nginx in front of them, with the
// configuration the README gives (docs/nginx/newsroom.conf).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectDir } from "../../server/projectDir";
import { freePort } from "./productionServer";
import { TEST_AUTH_SECRET, waitFor } from "./testServer";

export type ClusterNode = {
  port: number;
  url: string;
  wsUrl: string;
  output(): string;
  /** SIGTERM, as a service manager stops it; resolves once it exited. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
};

export async function startClusterNode(options: { databaseUrl: string; redisUrl: string }): Promise<ClusterNode> {
  const port = await freePort();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "newsroom-node-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "0",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    NEXTAUTH_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
  const child = spawn(process.execPath, [path.join(projectDir(), "dist/server/main.js")], { cwd: projectDir(), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`node exited before it was ready:\n${output}`);
        return fetch(`${url}/api/health`).then((response) => response.ok, () => false);
      },
      { timeout: 90_000, interval: 100, message: `node on port ${port} to be ready` },
    );
  } catch (error) {
    signal(child, "SIGKILL");
    throw error;
  }
  const finish = async (name: NodeJS.Signals) => {
    signal(child, name);
    await exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  return { port, url, wsUrl: `ws://127.0.0.1:${port}/collab`, output: () => output, stop: () => finish("SIGTERM"), kill: () => finish("SIGKILL") };
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, name);
  } catch {
    // Already gone.
  }
}

const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";

export type TestNginx = { port: number; url: string; wsUrl: string; stop(): Promise<void> };

/** nginx on a free port in front of the nodes, running docs/nginx/newsroom.conf with their ports put in. */
export async function startNginx(nodePorts: number[]): Promise<TestNginx> {
  if (!existsSync(NGINX)) throw new Error(`No nginx at ${NGINX}: install Debian's nginx (apt-get install -y nginx) or set NGINX to its path`);
  const port = await freePort();
  const prefix = await fs.mkdtemp(path.join(os.tmpdir(), "newsroom-nginx-"));
  // nginx's workers (user nobody when started as root) write request bodies here.
  await fs.chmod(prefix, 0o777);
  const template = readFileSync(path.join(projectDir(), "docs/nginx/newsroom.conf"), "utf8");
  const nodeLines = template.split("\n").filter((line) => line.trimEnd().endsWith("# node"));
  if (nodeLines.length === 0 || !/listen 80; # listen/.test(template)) throw new Error("docs/nginx/newsroom.conf lost its marked node and listen lines");
  const site = template
    .replace(nodeLines.join("\n"), nodePorts.map((nodePort) => nodeLines[0]!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${nodePort}`)).join("\n"))
    .replace("listen 80; # listen", `listen 127.0.0.1:${port};`);
  await fs.writeFile(path.join(prefix, "newsroom.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  await fs.writeFile(
    path.join(prefix, "nginx.conf"),
    [
      `pid ${path.join(prefix, "nginx.pid")};`,
      "error_log stderr warn;",
      "worker_processes 1;",
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(prefix, "newsroom.conf")};`,
      "}",
    ].join("\n"),
  );
  const child = spawn(NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited:\n${errors}`);
      return fetch(`${url}/api/health`).then(() => true, () => false);
    },
    { timeout: 10_000, message: "nginx to start" },
  );
  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      await fs.rm(prefix, { recursive: true, force: true });
    },
  };
}
