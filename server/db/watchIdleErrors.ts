// A pg pool emits 'error' when one of its idle connections fails (PostgreSQL
// restarted or failed over, a proxy closed it, the embedded server stopping
// first): without a listener that is an uncaught exception, which stops the
// whole server. The pool drops that connection and opens a new one when
// next needed, so the failure is only logged.
import type pg from "pg";
import { getLogger } from "../log";

export function watchIdleErrors<Pool extends pg.Pool>(pool: Pool, name: string): Pool {
  // Message and code only: pg's error carries its whole client object.
  pool.on("error", (error: Error & { code?: string }) =>
    getLogger().warn({ component: "db", pool: name, error: error.message, code: error.code }, "an idle database connection failed; the pool replaces it"),
  );
  return pool;
}
