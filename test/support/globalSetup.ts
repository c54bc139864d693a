// Integration tests run against a real PostgreSQL: the one at
// TEST_DATABASE_URL when set, otherwise a fresh embedded PostgreSQL in a
// temporary folder, migrated with the same runner as the app.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/db/embeddedPostgres";
import { applyMigrations } from "../../server/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await applyMigrations(external);
    project.provide("databaseUrl", external);
    return;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "newsroom-it-"));
  // As root, PostgreSQL runs as the postgres user, which must reach the folder.
  await fs.chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres(dataDir);
  await applyMigrations(database.connectionString);
  project.provide("databaseUrl", database.connectionString);
  return async () => {
    await database.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
