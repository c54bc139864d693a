// The sync server's own connections to PostgreSQL: a small pg pool shared by
// the document store and the admission lookups. Not Prisma: these queries run
// on the thread that fans edits out, and Prisma's per-query planning cost
// milliseconds of that thread per call and kept tens of megabytes after a few
// hundred concurrent queries (docs/benchmarks.md, idle memory).
import pg from "pg";
import { watchIdleErrors } from "../db/watchIdleErrors";

export type SyncDatabase = {
  query<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<Row>>;
  /** Ends the pool once nothing uses it (the server has stored everything). */
  close(): Promise<void>;
};

/** Connections the sync server keeps: loads, appends, snapshots and admissions share them. */
const POOL_SIZE = 3;

export function createSyncDatabase(connectionString = process.env.DATABASE_URL): SyncDatabase {
  let pool: pg.Pool | undefined;
  return {
    query: (sql, values) => (pool ??= watchIdleErrors(new pg.Pool({ connectionString, max: POOL_SIZE }), "sync")).query(sql, values),
    async close() {
      const current = pool;
      pool = undefined;
      await current?.end();
    },
  };
}
