// Structured JSON logs (pino), one line per event: `level`, `time`, `msg` and
// fields such as requestId, userId, documentId. LOG_LEVEL sets the level
// (trace, debug, info, warn, error, fatal, silent; info by default).
// Whatever a caller passes, secrets are never written: passwords, cookies,
// authorization headers, tokens and secrets are redacted by key, at the top
// level and one level down (pino's redaction works on paths).
// One logger per process: Next's route handlers load their own copy of this
// module, and share the custom server's logger through a process global.
import pino, { type Logger } from "pino";
import { processGlobal } from "./processGlobal";

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

const SECRET_KEYS = ["password", "passwordHash", "newPassword", "cookie", "cookies", "authorization", "token", "sessionToken", "secret", "authSecret", "set-cookie"];
export const REDACTED_PATHS = [
  ...SECRET_KEYS.map((key) => `["${key}"]`),
  ...SECRET_KEYS.map((key) => `*["${key}"]`),
  ...SECRET_KEYS.map((key) => `*.headers["${key}"]`),
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? "info";
  return pino(
    {
      level: (LOG_LEVELS as readonly string[]).includes(level) ? level : "info",
      base: { service: "newsroom" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names rather than numbers: what people grep for.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    options.destination,
  );
}

const shared = processGlobal<Logger>("logger");

/** The process's logger (created on first use). */
export function getLogger(): Logger {
  return shared.getOrCreate(() => createLogger());
}

/** A logger whose every line carries these fields (requestId, userId, documentId …). */
export const logWith = (fields: Record<string, unknown>): Logger => getLogger().child(fields);
