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
import { getLogger } from "./log";
import { shouldShowDemoCredentials } from "./seed/demoCredentialsVisibility";
import { startNewsroomServer, type NewsroomServer } from "./http/startNewsroomServer";
import { checkDemoExposure } from "./seed/checkDemoExposure";
import { demoAccountsBanner, seedDemoIfEmpty } from "./seed/seedDemo";
import { readEmailSettings } from "./email/emailSettings";
import { startEmailWorker, type EmailWorker } from "./email/emailWorker";
import { newsroomName } from "./newsroomName";

const logger = getLogger().child({ component: "server" });
const log = (line: string) => logger.info(line);

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
    await emailWorker?.stop().catch((error: unknown) => logger.error({ err: error }, "stopping the email worker failed"));
    await server?.close().catch((error: unknown) => logger.error({ err: error }, "closing the server failed"));
    await disconnectPrisma().catch(() => {});
    await database?.close().catch((error: unknown) => logger.error({ err: error }, "stopping the database failed"));
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

  // Before seeding: a server that must not start with the demo accounts does not create them either.
  const demo = await checkDemoExposure(env);
  if (demo.refuse) throw new Error(demo.refuse);

  let seeded = false;
  if (env.seedDemo) seeded = await seedDemoIfEmpty();

  server = await startNewsroomServer({
    port: env.port,
    host: env.host,
    authSecret,
    nextMode: env.dev ? "development" : "production",
    collab: { redisUrl: env.redisUrl },
  });
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL = env.publicUrl ?? server.url;

  if (env.redisUrl) log("Several nodes: linked through REDIS_URL");
  const emailSettings = readEmailSettings();
  if (emailSettings) {
    emailWorker = startEmailWorker({ settings: emailSettings, baseUrl: process.env.NEXTAUTH_URL, newsroomName: newsroomName() });
    log(`Email: on, through ${new URL(emailSettings.smtpUrl).host}`);
  } else {
    log("Email: off (no SMTP_URL); notifications stay in-app");
  }

  log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${server.url}`);
  if (seeded) log("Seeded demo data.");
  // For the person who just ran npm start on their machine: the accounts to try,
  // on the terminal, not in the log (and only where the sign-in page shows them too).
  if (env.seedDemo && shouldShowDemoCredentials()) process.stdout.write(`${demoAccountsBanner()}\n`);
  // Last, so that it is what an operator sees at every start.
  if (demo.warning) logger.warn(demo.warning);
}

handleStopSignals({
  onStop: (signal) => void stop(signal),
  onForce: () => {
    log("Forced exit.");
    process.exit(1);
  },
});
process.on("unhandledRejection", (error) => logger.error({ err: error }, "unhandled rejection"));
process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception");
  void stop("Uncaught exception", 1);
});

starting = start();
starting.catch((error: unknown) => {
  logger.fatal(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  void stop("Start failed", 1);
});
