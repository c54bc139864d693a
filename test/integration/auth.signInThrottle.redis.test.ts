// Issue 10, hole 3: the same throttling guarantees with REDIS_URL set, against
// a private redis-server started for this file. Without one installed the
// file fails and says how to get it (README, "Testing").
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { startRedisServer, type TestRedis } from "../support/redisServer";
import { accountKeyOf, signInThrottleContract } from "../support/signInThrottleContract";
import { useTestDatabase, waitFor } from "../support/testServer";

describe("sign-in throttling, Redis store (REDIS_URL)", () => {
  useTestDatabase();
  let redisServer: TestRedis | undefined;
  let redis: Redis | undefined;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    process.env.REDIS_URL = redisServer.url;
    redis = new Redis(redisServer.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await redisServer?.stop();
  });

  signInThrottleContract(async (email) => {
    expect(await redis!.pexpire(`signin:account:${accountKeyOf(email)}`, 1)).toBe(1);
    await waitFor(async () => (await redis!.exists(`signin:account:${accountKeyOf(email)}`)) === 0);
  });
});
