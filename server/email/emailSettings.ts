// Email configuration, read from the environment (validated at start by
// server/env.ts). Without SMTP_URL nothing is queued: notifications stay in-app.
import { newsroomName } from "../newsroomName";

export type EmailSettings = {
  smtpUrl: string;
  from: string;
  /** How long the oldest waiting item waits, so a burst of comments goes out as one email. */
  delayMs: number;
  /** At most one email per person in this window: a busy thread sends one email per person per window. */
  batchMs: number;
  /** Backoff cap between failed attempts. */
  retryMaxMs: number;
};

const seconds = (value: string | undefined, fallback: number) => (value === undefined || value === "" ? fallback : Number(value)) * 1000;

export function emailEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL);
}

export function readEmailSettings(env: Record<string, string | undefined> = process.env): EmailSettings | undefined {
  if (!env.SMTP_URL) return undefined;
  const host = hostOf(env.NEXTAUTH_URL) ?? "localhost";
  return {
    smtpUrl: env.SMTP_URL,
    from: env.EMAIL_FROM || `"${newsroomName(env).replaceAll('"', "")}" <no-reply@${host}>`,
    delayMs: seconds(env.EMAIL_DELAY_SECONDS, 30),
    batchMs: seconds(env.EMAIL_BATCH_SECONDS, 300),
    retryMaxMs: seconds(env.EMAIL_RETRY_MAX_SECONDS, 3600),
  };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
