// Server configuration, read once from the environment and validated, so a
// typo in a variable fails at start with a clear message instead of later.
import path from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "./log";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless told otherwise: a fresh clone's `npm start` (with the demo
  // accounts and their public password) is reachable from this machine only.
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as https://newsroom.example.org").optional(),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  // Read where they are used (sign-in throttling), validated here so a typo fails at start.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL").optional(),
  TRUST_PROXY: z.enum(["0", "1"]).optional(),
  ALLOW_PUBLIC_DEMO_ACCOUNTS: z.enum(["0", "1"]).default("0"),
  // Read by server/log.ts; validated here so a typo fails at start.
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  // Read by GET /api/metrics; long enough not to be guessed.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  // Email (server/email/emailSettings.ts reads them; checked here so a typo fails at start).
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  EMAIL_DELAY_SECONDS: z.coerce.number().min(0).max(3600).optional(),
  EMAIL_BATCH_SECONDS: z.coerce.number().min(0).max(86_400).optional(),
  EMAIL_RETRY_MAX_SECONDS: z.coerce.number().min(0.1).max(86_400).optional(),
  NEWSROOM_NAME: z.string().min(1).max(80).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type ServerEnv = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  publicUrl: string | undefined;
  seedDemo: boolean;
  /** Start beyond loopback even while the demo accounts have the public password (a public demo). */
  allowPublicDemoAccounts: boolean;
  dev: boolean;
  /** Several nodes linked through this Redis (undefined: this node is alone). */
  redisUrl: string | undefined;
};

export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  // Nodes share one PostgreSQL and one signing secret: an embedded database or
  // a secret generated per data folder would split them into separate newsrooms.
  if (env.REDIS_URL && (!env.DATABASE_URL || !env.NEXTAUTH_SECRET)) {
    throw new Error("Invalid configuration:\n  REDIS_URL: several nodes need a shared DATABASE_URL and NEXTAUTH_SECRET; set both on every node");
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    authSecret: env.NEXTAUTH_SECRET,
    publicUrl: env.NEXTAUTH_URL,
    seedDemo: env.SEED_DEMO === "1",
    allowPublicDemoAccounts: env.ALLOW_PUBLIC_DEMO_ACCOUNTS === "1",
    dev: env.NODE_ENV === "development",
    redisUrl: env.REDIS_URL,
  };
}
