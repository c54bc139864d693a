// A pooled connection that PostgreSQL ends while it is idle (a restart, a
// failover, a proxy's idle timeout) must not stop the server: before, the
// pool's 'error' event had no listener and became an uncaught exception
// (seen at shutdown as "terminating connection due to administrator command").
// The sync server's pool: ended by PostgreSQL, the next query still works.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createSyncDatabase } from "../../server/collab/syncDatabase";
import { waitFor } from "../support/testServer";

describe("idle database connections ended by PostgreSQL", () => {
  it("are replaced; the pool keeps answering and nothing is thrown", async () => {
    const name = `idle-test-${randomUUID().slice(0, 8)}`;
    const url = new URL(inject("databaseUrl"));
    url.searchParams.set("application_name", name);
    const database = createSyncDatabase(url.toString());
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    try {
      expect((await database.query<{ one: number }>("SELECT 1 AS one", [])).rows[0]!.one).toBe(1);
      const ended = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [name]);
      expect(ended.rowCount).toBeGreaterThan(0);
      // The idle connection learns of it (an 'error' on the pool), then the pool serves a new one.
      await waitFor(async () => (await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [name])).rows[0].n === 0, { message: "the backend to end" });
      expect((await database.query<{ one: number }>("SELECT 1 AS one", [])).rows[0]!.one).toBe(1);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
