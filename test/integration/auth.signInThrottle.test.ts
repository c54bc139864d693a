// Issue 10, hole 3: sign-in throttling against the real PostgreSQL store (the default).
// (The HTTP side — 429 with Retry-After, the page's message — is in e2e/security.spec.ts.)
import pg from "pg";
import { afterAll, describe, expect } from "vitest";
import { accountKeyOf, signInThrottleContract } from "../support/signInThrottleContract";
import { useTestDatabase } from "../support/testServer";

describe("sign-in throttling, PostgreSQL store", () => {
  useTestDatabase();
  delete process.env.REDIS_URL;
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const connected = sql.connect();
  afterAll(() => sql.end());

  signInThrottleContract(async (email) => {
    await connected;
    const result = await sql.query(`UPDATE sign_in_throttle SET expire = $1 WHERE key = $2`, [Date.now() - 1, `account:${accountKeyOf(email)}`]);
    expect(result.rowCount).toBe(1);
  });
});
