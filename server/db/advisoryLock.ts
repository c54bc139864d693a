// Work that must not run twice at once anywhere — in this process, another
// process or another node: a PostgreSQL advisory lock, held by a transaction
// for as long as the work runs (on other connections) and released when the
// transaction ends, whether the work succeeded or threw. The lock's class
// says what kind of work; the key (hashed) says on what.
import { getPrisma } from "./prisma";

/** The classes in use; documentStore.ts holds the log appends' (0x4e5701) in raw SQL. */
export const LockClass = { versions: 0x4e5702, seed: 0x4e5703 } as const;

/** Longest work may hold a lock (a large document's version, a cluster-wide flush, seeding). */
const LOCK_HELD_MAX_MS = 60_000;

export async function withAdvisoryLock<T>(lockClass: number, key: string, work: () => Promise<T>): Promise<T> {
  return getPrisma().$transaction(
    async (transaction) => {
      await transaction.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${lockClass}::int, hashtext(${key}::text))) AS lock`;
      return work();
    },
    { maxWait: LOCK_HELD_MAX_MS, timeout: LOCK_HELD_MAX_MS },
  );
}
