// A private redis-server for a test file, on a free port, with no
// persistence. Without one installed the test fails and says how to get it
// (README, "Testing"): a test that needs a service the machine lacks says so.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort, portRefused } from "./productionServer";
import { waitFor } from "./testServer";

const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

export type TestRedis = {
  url: string;
  port: number;
  /** Stops it (an outage); start() brings it back on the same port, empty. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function startRedisServer(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`No redis-server at ${REDIS_SERVER}: install Debian's redis-server (apt-get install -y redis-server) or set REDIS_SERVER to its path`);
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      await waitFor(async () => !(await portRefused(port)), { timeout: 10_000, message: "redis-server to start" });
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
  await redis.start();
  return redis;
}
