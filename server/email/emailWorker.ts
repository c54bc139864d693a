// Sends the queued emails from the server process: polls the queue (and is
// woken when something is queued), claims the people whose email is due, sends
// each one email with nodemailer, and records the outcome. The queue is a
// PostgreSQL table, so nothing is lost across a restart; a failed send is
// retried with exponential backoff. stop() lets the email in flight finish
// (briefly) and hands unsent claims back for the next start.
import nodemailer, { type Transporter } from "nodemailer";
import { composeEmail } from "./composeEmail";
import type { EmailSettings } from "./emailSettings";
import { abandonEmail, claimDueEmails, markEmailFailed, markEmailSent, type ClaimedEmail } from "./emailQueue";
import { emailWorkerWake } from "./queueEmails";
import { getPrisma } from "../db/prisma";
import { getLogger } from "../log";

export type EmailWorker = {
  /** Stops polling, waits for the send in flight (at most `stopWaitMs`), closes the SMTP connections. */
  stop: () => Promise<void>;
  /** Something was queued: look again once it can be due. */
  wake: () => void;
};

export type EmailWorkerOptions = {
  settings: EmailSettings;
  /** The server's public URL, for the links in emails. */
  baseUrl: string;
  newsroomName: string;
  pollMs?: number;
  stopWaitMs?: number;
  log?: (line: string) => void;
};

/** People per claim: a pass keeps claiming until the queue has no one due. */
const CLAIM_LIMIT = 10;
const FIRST_RETRY_MS = 30_000;

export function retryDelayMs(attempts: number, retryMaxMs: number): number {
  return Math.min(retryMaxMs, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export function startEmailWorker(options: EmailWorkerOptions): EmailWorker {
  const { settings } = options;
  const log = options.log ?? ((line: string) => getLogger().info({ component: "email" }, line));
  const pollMs = options.pollMs ?? 5000;
  const transport: Transporter = nodemailer.createTransport({
    url: settings.smtpUrl,
    pool: true,
    maxConnections: 2,
    // Bounded, so a dead SMTP server costs one failed attempt, not a hung worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let nextRunAt = Infinity;
  let running: Promise<void> | undefined;
  let runAgain = false;

  const runAt = (delayMs: number) => {
    if (stopped) return;
    const at = Date.now() + delayMs;
    if (timer && at >= nextRunAt) return;
    clearTimeout(timer);
    nextRunAt = at;
    timer = setTimeout(run, delayMs);
  };

  function run() {
    timer = undefined;
    nextRunAt = Infinity;
    if (running) {
      runAgain = true;
      return;
    }
    running = sendDue()
      .catch((error: unknown) => log(`pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        runAt(runAgain ? 0 : pollMs);
        runAgain = false;
      });
  }

  async function sendDue() {
    for (;;) {
      if (stopped) return;
      const claims = await claimDueEmails({ delayMs: settings.delayMs, batchMs: settings.batchMs, limit: CLAIM_LIMIT });
      for (const [index, claim] of claims.entries()) {
        if (stopped) {
          await releaseClaims(claims.slice(index));
          return;
        }
        await sendOne(claim);
      }
      if (claims.length < CLAIM_LIMIT) return;
    }
  }

  async function sendOne(claim: ClaimedEmail) {
    const { recipient } = claim;
    if (!recipient.emailNotifications || recipient.disabled) {
      await abandonEmail(claim.ids, recipient.disabled ? "account disabled" : "opted out");
      return;
    }
    const email = composeEmail({ newsroomName: options.newsroomName, baseUrl: options.baseUrl, recipientName: recipient.name, items: claim.items });
    try {
      await transport.sendMail({ from: settings.from, to: { name: recipient.name, address: recipient.email }, ...email });
    } catch (error) {
      const attempts = claim.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      log(`sending to ${recipient.email} failed (attempt ${attempts}): ${message}`);
      await markEmailFailed(claim.ids, attempts, message, retryDelayMs(attempts, settings.retryMaxMs));
      return;
    }
    await markEmailSent(claim.ids);
  }

  const wake = () => runAt(Math.min(pollMs, settings.delayMs + 50));
  const clearWake = emailWorkerWake.set(wake);
  runAt(0);

  let stopping: Promise<void> | undefined;
  return {
    wake,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        clearWake();
        clearTimeout(timer);
        const stopWaitMs = options.stopWaitMs ?? 5000;
        let waitTimer: NodeJS.Timeout | undefined;
        await Promise.race([running, new Promise<void>((resolve) => (waitTimer = setTimeout(resolve, stopWaitMs)))]);
        clearTimeout(waitTimer);
        transport.close();
      })()),
  };
}

/** Claims taken but not used before a stop: free them for the next start instead of waiting out the claim. */
async function releaseClaims(claims: ClaimedEmail[]) {
  const ids = claims.flatMap((claim) => claim.ids);
  if (ids.length > 0) await getPrisma().emailNotification.updateMany({ where: { id: { in: ids } }, data: { claimedUntil: null } });
}
