// Sign-in throttling (rate-limiter-flexible). The counters are shared by every
// node of a deployment: rows in PostgreSQL's `sign_in_throttle` by default,
// or keys in Redis when REDIS_URL is set.
//
// Per account — keyed by a hash of the normalised email, whether or not an
// account has it, so throttling tells nobody which addresses exist — every
// attempt is counted before the password is checked (an atomic increment, so
// parallel guesses are counted too) and a successful sign-in clears the count.
// Past FREE_ATTEMPTS attempts in the window the account is blocked, for a time
// that doubles with each block in a day (back-off). Per address, failures are
// counted; past ADDRESS_FAILURES in the window the address is blocked too (one
// machine guessing many accounts).
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { processGlobal } from "../processGlobal";
import { getMetrics } from "../metrics/metrics";
import { watchIdleErrors } from "../db/watchIdleErrors";

export const FREE_ATTEMPTS = 5;
const ACCOUNT_WINDOW_SECONDS = 15 * 60;
const FIRST_BLOCK_SECONDS = 60;
const MAX_BLOCK_SECONDS = 60 * 60;
const BLOCKS_REMEMBERED_SECONDS = 24 * 60 * 60;
export const ADDRESS_FAILURES = 50;
const ADDRESS_WINDOW_SECONDS = 15 * 60;

export type SignInAttempt = { email: string; address: string };
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Limiters = { accountAttempts: RateLimiterAbstract; accountBlocks: RateLimiterAbstract; addressFailures: RateLimiterAbstract };
type LimiterOptions = { keyPrefix: string; points: number; duration: number; blockDuration?: number };

const limiters = processGlobal<Limiters>("signInLimiters");

function getLimiters(): Limiters {
  return limiters.getOrCreate(() => {
    const create = limiterFactory();
    return {
      accountAttempts: create({ keyPrefix: "account", points: FREE_ATTEMPTS, duration: ACCOUNT_WINDOW_SECONDS }),
      accountBlocks: create({ keyPrefix: "account-blocks", points: 1_000_000, duration: BLOCKS_REMEMBERED_SECONDS }),
      addressFailures: create({ keyPrefix: "address", points: ADDRESS_FAILURES, duration: ADDRESS_WINDOW_SECONDS, blockDuration: ADDRESS_WINDOW_SECONDS }),
    };
  });
}

function limiterFactory(): (options: LimiterOptions) => RateLimiterAbstract {
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    // One retry, then an error (answered 503): a sign-in never waits long on a Redis that is down.
    const storeClient = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    return (options) => new RateLimiterRedis({ ...options, keyPrefix: `signin:${options.keyPrefix}`, storeClient });
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // A small pool of its own: the limiter speaks pg directly (its atomic upsert), Prisma has its own.
  const storeClient = watchIdleErrors(new pg.Pool({ connectionString, max: 2 }), "sign-in-throttle");
  return (options) => new RateLimiterPostgres({ ...options, storeClient, storeType: "pool", tableName: "sign_in_throttle", tableCreated: true, clearExpiredByTimeout: true });
}

/** The account key: the email as sign-in normalises it, hashed (no addresses at rest in the counters). */
function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Whether an attempt may go ahead; counts it against the account either way. */
export async function beginSignInAttempt(attempt: SignInAttempt): Promise<ThrottleVerdict> {
  const verdict = await decideSignInAttempt(attempt);
  getMetrics().signInAttempts.inc({ verdict: verdict.allowed ? "allowed" : "throttled" });
  return verdict;
}

async function decideSignInAttempt(attempt: SignInAttempt): Promise<ThrottleVerdict> {
  const { accountAttempts, accountBlocks, addressFailures } = getLimiters();
  const account = accountKey(attempt.email);
  const address = await addressFailures.get(attempt.address);
  if (address && address.consumedPoints > ADDRESS_FAILURES) return { allowed: false, retryAfterSeconds: secondsUntil(address.msBeforeNext) };
  const blocked = await accountAttempts.get(account);
  if (blocked && blocked.consumedPoints > FREE_ATTEMPTS) return { allowed: false, retryAfterSeconds: secondsUntil(blocked.msBeforeNext) };
  try {
    await accountAttempts.consume(account);
    return { allowed: true };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    // The attempt that goes past the free ones starts a block, longer each time today.
    const blocks = await accountBlocks.consume(account);
    const seconds = Math.min(MAX_BLOCK_SECONDS, FIRST_BLOCK_SECONDS * 2 ** (blocks.consumedPoints - 1));
    await accountAttempts.block(account, seconds);
    return { allowed: false, retryAfterSeconds: seconds };
  }
}

/** After the password check: success clears the account's count, failure counts against the address. */
export async function finishSignInAttempt(attempt: SignInAttempt, succeeded: boolean): Promise<void> {
  const { accountAttempts, accountBlocks, addressFailures } = getLimiters();
  if (succeeded) {
    const account = accountKey(attempt.email);
    await Promise.all([accountAttempts.delete(account), accountBlocks.delete(account)]);
    return;
  }
  await addressFailures.consume(attempt.address).catch((rejection: unknown) => {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  });
}
