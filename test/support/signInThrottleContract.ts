// What sign-in throttling guarantees, whichever store holds the counters
// (PostgreSQL by default, Redis with REDIS_URL): one suite, run against each.
import { createHash, randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { ADDRESS_FAILURES, beginSignInAttempt, FREE_ATTEMPTS, finishSignInAttempt } from "../../server/auth/signInThrottle";

export const accountKeyOf = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

const someone = () => ({ email: `${randomUUID()}@newsroom.test`, address: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

/** `endBlock` makes the account's current block run out now (moves its expiry into the past). */
export function signInThrottleContract(endBlock: (email: string) => Promise<void>): void {
  it("allows a few attempts per account, then blocks every attempt, counted atomically even in parallel", async () => {
    const attempt = someone();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => beginSignInAttempt(attempt)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(FREE_ATTEMPTS);
    expect(verdicts.find((verdict) => !verdict.allowed)).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    // Still blocked, whatever the password would have been: the check comes first.
    const again = await beginSignInAttempt(attempt);
    expect(again.allowed).toBe(false);
    if (!again.allowed) expect(again.retryAfterSeconds).toBeGreaterThan(50);
    // The same email in another case or with spaces is the same account.
    expect((await beginSignInAttempt({ ...attempt, email: ` ${attempt.email.toUpperCase()} ` })).allowed).toBe(false);
  });

  it("backs off: each block in a day lasts twice as long as the one before", async () => {
    const attempt = someone();
    const blockFor = async () => {
      for (;;) {
        const verdict = await beginSignInAttempt(attempt);
        if (!verdict.allowed) return verdict.retryAfterSeconds;
      }
    };
    expect(await blockFor()).toBe(60);
    await endBlock(attempt.email);
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
    expect((await beginSignInAttempt({ email: `${randomUUID()}@newsroom.test`, address })).allowed).toBe(false);
  });
}
