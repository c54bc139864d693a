// Issue 10, hole 3: the same throttling guarantees with REDIS_URL set, against
// a private redis-server started for this file. Without one installed the
// file fails and says how to get it (README, "Testing").
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { accountKeyOf, signInThrottleContract } from "../support/signInThrottleContract";
import { useTestDatabase, waitFor } from "../support/testServer";

const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("sign-in throttling, Redis store (REDIS_URL)", () => {
  useTestDatabase();
  let redisServer: ChildProcess | undefined;
  let redis: Redis | undefined;

  beforeAll(async () => {
    if (!existsSync(REDIS_SERVER)) {
      throw new Error(`No redis-server at ${REDIS_SERVER}: install Debian's redis-server (apt-get install -y redis-server) or set REDIS_SERVER to its path`);
    }
    const port = await freePort();
    redisServer = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    await waitFor(() => accepts(port), { timeout: 10_000, message: "redis-server to start" });
    redis = new Redis(process.env.REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    redisServer?.kill("SIGTERM");
  });

  signInThrottleContract(async (email) => {
    expect(await redis!.pexpire(`signin:account:${accountKeyOf(email)}`, 1)).toBe(1);
    await waitFor(async () => (await redis!.exists(`signin:account:${accountKeyOf(email)}`)) === 0);
  });
});
