// The demo accounts' password is public (README). A production server that
// listens beyond loopback refuses to start while they sign in with it — or
// would be seeded with it — unless ALLOW_PUBLIC_DEMO_ACCOUNTS=1, and then it
// warns at every start and its sign-in page does not show the credentials. A
// fresh clone's `npm start` listens on loopback and shows them. The built
// server (node dist/server/main.js) with its embedded PostgreSQL.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectDir } from "../../server/projectDir";
import {
  buildIfStale,
  freePort,
  killLeftovers,
  makeDataDir,
  portRefused,
  startProductionServer,
  waitUntilGone,
  type ProductionServer,
} from "../support/productionServer";
import { TEST_AUTH_SECRET } from "../support/testServer";

const MAIN = ["dist/server/main.js"];
const PUBLIC_PASSWORD = "newsroom-demo";

/** Runs the built server until it exits by itself (a refusal); its exit code and output. */
function runUntilExit(dataDir: string, port: number, env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const fullEnv: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: String(port), NEXTAUTH_SECRET: TEST_AUTH_SECRET, DATABASE_URL: "", NEXTAUTH_URL: "", ...env };
  fullEnv.NODE_ENV = "production";
  for (const name of Object.keys(fullEnv)) if (name.startsWith("VITEST")) delete fullEnv[name];
  const child = spawn(process.execPath, MAIN, { cwd: projectDir(), env: fullEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

function refusedAt(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

const signInPage = async (server: ProductionServer) => (await fetch(`http://127.0.0.1:${server.port}/signin`)).text();

async function stop(server: ProductionServer): Promise<void> {
  process.kill(-server.top.pid!, "SIGTERM");
  await waitUntilGone(server);
}

describe("the demo password on a reachable production server", () => {
  let dataDir = "";
  const started: ProductionServer[] = [];
  beforeAll(async () => {
    buildIfStale();
    dataDir = await makeDataDir();
  }, 600_000);
  afterEach(() => {
    for (const server of started.splice(0)) killLeftovers(server);
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  // One data folder through the steps, in order: empty, seeded, seeded.
  it("refuses to seed and start on 0.0.0.0, naming the ways out; nothing listens", async () => {
    const port = await freePort();
    const { code, output } = await runUntilExit(dataDir, port, { HOST: "0.0.0.0", SEED_DEMO: "1" });
    expect(code, output).toBe(1);
    expect(output).toContain("Refusing to start");
    for (const way of ["SEED_DEMO=0", "npm run user:disable", "HOST=127.0.0.1", "ALLOW_PUBLIC_DEMO_ACCOUNTS=1"]) expect(output).toContain(way);
    expect(output).not.toContain("Seeded demo data");
    expect(await portRefused(port)).toBe(true);
  }, 120_000);

  it("starts on 0.0.0.0 when allowed, warns, and the sign-in page does not show the password", async () => {
    const server = await startProductionServer(dataDir, await freePort(), {
      command: process.execPath,
      args: MAIN,
      env: { HOST: "0.0.0.0", SEED_DEMO: "1", ALLOW_PUBLIC_DEMO_ACCOUNTS: "1" },
    });
    started.push(server);
    const page = await signInPage(server);
    expect(page).toContain("Sign in");
    expect(page).not.toContain(PUBLIC_PASSWORD);
    expect(server.output()).toContain("Seeded demo data");
    expect(server.output()).toMatch(/WARNING: this server is reachable beyond this machine and the demo accounts .* sign in with the public demo password/);
    await stop(server);
  }, 120_000);

  it("a fresh clone's start (HOST unset) listens on loopback only and shows the demo credentials", async () => {
    const server = await startProductionServer(dataDir, await freePort(), { command: process.execPath, args: MAIN, env: { HOST: "", SEED_DEMO: "1" } });
    started.push(server);
    expect(await signInPage(server)).toContain(PUBLIC_PASSWORD);
    expect(server.output()).not.toContain("WARNING");
    // Not on this machine's other addresses (when it has one).
    const external = Object.values(os.networkInterfaces()).flat().find((address) => address && !address.internal && address.family === "IPv4");
    if (external) expect(await refusedAt(external.address, server.port)).toBe(true);
    await stop(server);
  }, 120_000);

  it("refuses again on 0.0.0.0 once the accounts exist, naming them", async () => {
    const { code, output } = await runUntilExit(dataDir, await freePort(), { HOST: "0.0.0.0", SEED_DEMO: "0" });
    expect(code, output).toBe(1);
    expect(output).toMatch(/demo accounts \(analyst1@newsroom\.test, analyst2@newsroom\.test, editor@newsroom\.test, viewer@newsroom\.test\)/);
  }, 120_000);
});
