// The sync server's own connections to PostgreSQL: a small pg pool shared by
// the document store and the admission lookups. Not Prisma: these queries run
// on the thread that fans edits out, and Prisma's per-query planning cost
// milliseconds of that thread per call and kept tens of megabytes after a few
// hundred concurrent queries (docs/benchmarks.md, idle memory).
import pg from "pg";

export type SyncDatabase = {
  query<Row extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<pg.QueryResult<Row>>;
  /** Ends the pool once nothing uses it (the server has stored everything). */
  close(): Promise<void>;
};

/** Connections the sync server keeps: loads, appends, snapshots and admissions share them. */
const POOL_SIZE = 3;

export function createSyncDatabase(connectionString = process.env.DATABASE_URL): SyncDatabase {
  let pool: pg.Pool | undefined;
  const open = () => {
    if (pool) return pool;
    pool = new pg.Pool({ connectionString, max: POOL_SIZE });
    // An idle connection the database dropped (a restart, an outage) is an
    // event, not a crash: the pool replaces it, and queries meanwhile fail
    // and are retried by their callers (the write-behind).
    pool.on("error", (error) => console.error("[collab] database connection lost", { error: error.message }));
    return pool;
  };
  return {
    query: (sql, values) => open().query(sql, values),
    async close() {
      const current = pool;
      pool = undefined;
      await current?.end();
    },
  };
}
