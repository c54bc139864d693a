// The newsroom's one process: starts (or connects to) PostgreSQL, applies
// migrations, seeds demo data on an empty database, builds if needed, then
// serves pages, the HTTP API and the sync socket on one port.
import path from "node:path";
import { readOrCreateAuthSecret } from "./auth/authSecret";
import { claimDataDir } from "./dataDirLock";
import { openDatabase, type OpenDatabase } from "./db/openDatabase";
import { disconnectPrisma } from "./db/prisma";
import { readServerEnv } from "./env";
import { ensureProductionBuild } from "./http/ensureProductionBuild";
import { startNewsroomServer, type NewsroomServer } from "./http/startNewsroomServer";
import { demoAccountsBanner, seedDemoIfEmpty } from "./seed/seedDemo";

/** A second Ctrl+C/SIGTERM within this time of the first is the same request, not a forced exit. */
const REPEATED_SIGNAL_GRACE_MS = 2000;

const log = (line: string) => console.log(`[newsroom] ${line}`);

// Module-level so a failed start can still stop the embedded PostgreSQL it began.
let database: OpenDatabase | undefined;

async function main() {
  const startedAt = Date.now();
  const env = readServerEnv();
  const projectDir = path.resolve(import.meta.dirname, "..");

  await claimDataDir(env.dataDir);
  const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log, ownsEmbeddedCluster: true });
  database = db;
  process.env.DATABASE_URL = db.url;
  log(db.embedded ? `Database: embedded PostgreSQL in ${path.join(env.dataDir, "postgres")}` : "Database: DATABASE_URL");

  const authSecret = env.authSecret ?? (await readOrCreateAuthSecret(env.dataDir));
  process.env.NEXTAUTH_SECRET = authSecret;

  let seeded = false;
  if (env.seedDemo) seeded = await seedDemoIfEmpty();

  if (!env.dev) await ensureProductionBuild(projectDir, log);

  let server: NewsroomServer | undefined;
  let shuttingDown: Promise<void> | undefined;
  let shutdownStartedAt = 0;
  const shutdown = (reason: string, exitCode = 0) => {
    if (shuttingDown) {
      // The same signal often arrives twice at once (to the process group, and
      // relayed by tsx); only a later one is someone insisting.
      if (Date.now() - shutdownStartedAt < REPEATED_SIGNAL_GRACE_MS) return;
      log("Forced exit.");
      process.exit(1);
    }
    shutdownStartedAt = Date.now();
    log(`${reason}: saving open documents and stopping…`);
    shuttingDown = (async () => {
      await server?.close().catch((error) => console.error(error));
      await disconnectPrisma().catch(() => {});
      await db.close().catch((error) => console.error(error));
      log("Stopped.");
      process.exit(exitCode);
    })();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("unhandledRejection", (error) => console.error("[newsroom] unhandled rejection", error));
  process.on("uncaughtException", (error) => {
    console.error("[newsroom] uncaught exception", error);
    shutdown("Uncaught exception", 1);
  });

  server = await startNewsroomServer({
    port: env.port,
    host: env.host,
    authSecret,
    nextMode: env.dev ? "development" : "production",
    projectDir,
  });
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL = env.publicUrl ?? server.url;

  log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${server.url}`);
  if (env.seedDemo) console.log(`${seeded ? "  Seeded demo data.\n" : ""}${demoAccountsBanner()}`);
}

main().catch(async (error: unknown) => {
  console.error(`[newsroom] Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  await disconnectPrisma().catch(() => {});
  await database?.close().catch(() => {});
  process.exit(1);
});
