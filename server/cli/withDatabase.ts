// Runs a user command against the configured database (DATABASE_URL, or the
// embedded PostgreSQL in DATA_DIR, attached to even while the server runs)
// and turns errors into a message and an exit code.
import { z } from "zod";
import { openDatabase } from "../db/openDatabase";
import { disconnectPrisma } from "../db/prisma";
import { readServerEnv } from "../env";

export async function withDatabase(run: () => Promise<void>): Promise<number> {
  const env = readServerEnv();
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log: () => {}, ownsEmbeddedCluster: false });
  process.env.DATABASE_URL = database.url;
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof z.ZodError) console.error(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}
