// Issue 10, hole 3: sign-in throttling against the real PostgreSQL store.
// (The HTTP side — 429 with Retry-After, the page's message — is in e2e/security.spec.ts.)
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ADDRESS_FAILURES, beginSignInAttempt, FREE_ATTEMPTS, finishSignInAttempt } from "../../server/auth/signInThrottle";
import { useTestDatabase } from "../support/testServer";

const someone = () => ({ email: `${randomUUID()}@newsroom.test`, address: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

describe("sign-in throttling", () => {
  useTestDatabase();
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const connected = sql.connect();
  afterAll(() => sql.end());

  it("allows a few attempts per account, then blocks every attempt, counted atomically even in parallel", async () => {
    const attempt = someone();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => beginSignInAttempt(attempt)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(FREE_ATTEMPTS);
    const refused = verdicts.find((verdict) => !verdict.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    // Still blocked, whatever the password would have been: the check comes first.
    const again = await beginSignInAttempt(attempt);
    expect(again.allowed).toBe(false);
    if (!again.allowed) expect(again.retryAfterSeconds).toBeGreaterThan(50);
    // The same email in another case or with spaces is the same account.
    expect((await beginSignInAttempt({ ...attempt, email: ` ${attempt.email.toUpperCase()} ` })).allowed).toBe(false);
  });

  it("backs off: each block in a day lasts twice as long as the one before", async () => {
    await connected;
    const attempt = someone();
    const blockFor = async () => {
      for (;;) {
        const verdict = await beginSignInAttempt(attempt);
        if (!verdict.allowed) return verdict.retryAfterSeconds;
      }
    };
    expect(await blockFor()).toBe(60);
    // Let the block run out (its row's expiry moved into the past), then fail again.
    const key = `account:${createHash("sha256").update(attempt.email).digest("hex")}`;
    expect((await sql.query(`UPDATE sign_in_throttle SET expire = $1 WHERE key = $2`, [Date.now() - 1, key])).rowCount).toBe(1);
    expect(await blockFor()).toBe(120);
  });

  it("clears an account's count when it signs in", async () => {
    const attempt = someone();
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) expect((await beginSignInAttempt(attempt)).allowed).toBe(true);
    await finishSignInAttempt(attempt, true);
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await beginSignInAttempt(attempt)).allowed).toBe(true);
  });

  it("blocks an address that fails on many accounts", async () => {
    const address = someone().address;
    for (let i = 0; i < ADDRESS_FAILURES + 1; i++) {
      const attempt = { email: `${randomUUID()}@newsroom.test`, address };
      expect((await beginSignInAttempt(attempt)).allowed).toBe(true);
      await finishSignInAttempt(attempt, false);
    }
    const verdict = await beginSignInAttempt({ email: `${randomUUID()}@newsroom.test`, address });
    expect(verdict.allowed).toBe(false);
  });
});
