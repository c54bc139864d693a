// The sync server's own connections to PostgreSQL: a small pg pool shared by
// the document store and the admission lookups. Not Prisma: these queries run
// on the thread that fans edits out, and Prisma's per-query planning cost
// milliseconds of that thread per call and kept tens of megabytes after a few
// hundred concurrent queries (docs/benchmarks.md, idle memory).
import pg from "pg";

export type SyncQuery = <Row extends pg.QueryResultRow>(sql: string, values: unknown[]) => Promise<pg.QueryResult<Row>>;

export type SyncDatabase = {
  query: SyncQuery;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (query: SyncQuery) => Promise<T>): Promise<T>;
  /** Ends the pool once nothing uses it (the server has stored everything). */
  close(): Promise<void>;
};

/** Connections the sync server keeps: loads, appends, snapshots and admissions share them. */
const POOL_SIZE = 3;

export function createSyncDatabase(connectionString = process.env.DATABASE_URL): SyncDatabase {
  let pool: pg.Pool | undefined;
  const open = () => (pool ??= new pg.Pool({ connectionString, max: POOL_SIZE }));
  return {
    query: (sql, values) => open().query(sql, values),
    async transaction(work) {
      const client = await open().connect();
      try {
        await client.query("BEGIN");
        const result = await work((sql, values) => client.query(sql, values));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      const current = pool;
      pool = undefined;
      await current?.end();
    },
  };
}
