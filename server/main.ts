// The newsroom's one process: starts (or connects to) PostgreSQL, applies
// migrations, seeds demo data on an empty database, then serves pages, the
// HTTP API and the sync socket on one port. In production it runs as
// dist/server/main.js (npm run build); `npm start` builds what is stale first.
import "./defaultNodeEnv";
import path from "node:path";
import { readOrCreateAuthSecret } from "./auth/authSecret";
import { claimDataDir } from "./dataDirLock";
import { openDatabase, type OpenDatabase } from "./db/openDatabase";
import { disconnectPrisma } from "./db/prisma";
import { readServerEnv } from "./env";
import { handleStopSignals } from "./handleStopSignals";
import { startNewsroomServer, type NewsroomServer } from "./http/startNewsroomServer";
import { demoAccountsBanner, seedDemoIfEmpty } from "./seed/seedDemo";
import { readEmailSettings } from "./email/emailSettings";
import { startEmailWorker, type EmailWorker } from "./email/emailWorker";
import { newsroomName } from "./newsroomName";

const log = (line: string) => console.log(`[newsroom] ${line}`);

let database: OpenDatabase | undefined;
let server: NewsroomServer | undefined;
let emailWorker: EmailWorker | undefined;
let starting: Promise<void> | undefined;
let stopping: Promise<void> | undefined;

/**
 * Stores every open document (P2 of docs/SYNC.md), then stops the database —
 * the embedded PostgreSQL runs in its own session, so no signal of ours has
 * reached it — and exits. A stop requested while starting waits for the start.
 */
function stop(reason: string, exitCode = 0): Promise<void> {
  stopping ??= (async () => {
    log(`${reason}: saving open documents and stopping…`);
    await starting?.catch(() => {});
    // First, so it no longer claims emails; what it has not sent stays queued for the next start.
    await emailWorker?.stop().catch((error) => console.error(error));
    await server?.close().catch((error) => console.error(error));
    await disconnectPrisma().catch(() => {});
    await database?.close().catch((error) => console.error(error));
    log("Stopped.");
    process.exit(exitCode);
  })();
  return stopping;
}

async function start() {
  const startedAt = Date.now();
  const env = readServerEnv();

  await claimDataDir(env.dataDir);
  database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log, ownsEmbeddedCluster: true });
  process.env.DATABASE_URL = database.url;
  log(database.embedded ? `Database: embedded PostgreSQL in ${path.join(env.dataDir, "postgres")}` : "Database: DATABASE_URL");

  const authSecret = env.authSecret ?? (await readOrCreateAuthSecret(env.dataDir));
  process.env.NEXTAUTH_SECRET = authSecret;

  let seeded = false;
  if (env.seedDemo) seeded = await seedDemoIfEmpty();

  server = await startNewsroomServer({
    port: env.port,
    host: env.host,
    authSecret,
    nextMode: env.dev ? "development" : "production",
  });
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL = env.publicUrl ?? server.url;

  const emailSettings = readEmailSettings();
  if (emailSettings) {
    emailWorker = startEmailWorker({ settings: emailSettings, baseUrl: process.env.NEXTAUTH_URL, newsroomName: newsroomName() });
    log(`Email: on, through ${new URL(emailSettings.smtpUrl).host}`);
  } else {
    log("Email: off (no SMTP_URL); notifications stay in-app");
  }

  log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${server.url}`);
  if (env.seedDemo) console.log(`${seeded ? "  Seeded demo data.\n" : ""}${demoAccountsBanner()}`);
}

handleStopSignals({
  onStop: (signal) => void stop(signal),
  onForce: () => {
    log("Forced exit.");
    process.exit(1);
  },
});
process.on("unhandledRejection", (error) => console.error("[newsroom] unhandled rejection", error));
process.on("uncaughtException", (error) => {
  console.error("[newsroom] uncaught exception", error);
  void stop("Uncaught exception", 1);
});

starting = start();
starting.catch((error: unknown) => {
  console.error(`[newsroom] Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  void stop("Start failed", 1);
});
