// The database behind the server: the one at DATABASE_URL, or an embedded
// PostgreSQL in DATA_DIR. Either way the same migrations run at start.
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { applyMigrations } from "./migrate";

export type OpenDatabase = { url: string; embedded: boolean; close: () => Promise<void> };

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  log: (line: string) => void;
  /**
   * The server owns the embedded cluster and stops it on exit, even when it
   * found it running (left over by a killed server). Commands such as
   * user:create only stop a cluster they started themselves.
   */
  ownsEmbeddedCluster: boolean;
}): Promise<OpenDatabase> {
  let url = options.databaseUrl;
  let close = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres(options.dataDir, options.log);
    url = embedded.connectionString;
    if (options.ownsEmbeddedCluster || embedded.startedHere) close = embedded.stop;
  }
  try {
    const applied = await applyMigrations(url);
    if (applied.length > 0) options.log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, embedded: !options.databaseUrl, close };
}
