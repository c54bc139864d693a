// The email queue's state changes, in SQL the worker runs. A claim marks a
// person's waiting rows as the worker's for a while (claimed_until), so several
// server processes never send the same rows, and a worker that died mid-send
// gives them back when the claim runs out (at-least-once delivery).
import { getPrisma } from "../db/prisma";
import type { EmailItemView } from "./composeEmail";

/** How long a claim holds: longer than any SMTP exchange's timeouts. */
const CLAIM_SECONDS = 300;
/** After this many failed attempts an item is given up (about a day with a one-hour backoff cap). */
export const MAX_ATTEMPTS = 12;

export type ClaimedEmail = {
  recipient: { id: string; name: string; email: string; emailNotifications: boolean; disabled: boolean };
  ids: string[];
  attempts: number;
  items: EmailItemView[];
};

/**
 * Claims the waiting items of up to `limit` people whose email is due: the
 * oldest item has waited `delayMs` (a burst goes out as one email), nothing was
 * sent to them in the last `batchMs`, and no item is waiting out a retry.
 */
export async function claimDueEmails(options: { delayMs: number; batchMs: number; limit: number }): Promise<ClaimedEmail[]> {
  const prisma = getPrisma();
  const delay = options.delayMs / 1000;
  const batch = options.batchMs / 1000;
  // Claims only rows nobody holds; the UPDATE re-checks that under the row lock,
  // so of two workers that picked the same person, one gets the rows.
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT w.recipient_id
      FROM email_notifications w
      WHERE w.sent_at IS NULL AND w.abandoned_at IS NULL
      GROUP BY w.recipient_id
      HAVING min(w.created_at) <= now() - make_interval(secs => ${delay}::double precision)
        AND max(w.next_attempt_at) <= now()
        AND bool_and(w.claimed_until IS NULL OR w.claimed_until < now())
        AND NOT EXISTS (
          SELECT 1 FROM email_notifications s
          WHERE s.recipient_id = w.recipient_id AND s.sent_at > now() - make_interval(secs => ${batch}::double precision)
        )
      ORDER BY min(w.created_at)
      LIMIT ${options.limit}
    )
    UPDATE email_notifications e
    SET claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}::double precision)
    FROM due
    WHERE e.recipient_id = due.recipient_id AND e.sent_at IS NULL AND e.abandoned_at IS NULL
      AND (e.claimed_until IS NULL OR e.claimed_until < now())
    RETURNING e.id`;
  if (claimed.length === 0) return [];

  const rows = await prisma.emailNotification.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    orderBy: { createdAt: "asc" },
    include: {
      recipient: { select: { id: true, name: true, email: true, emailNotifications: true, disabledAt: true } },
      actor: { select: { name: true } },
      document: { select: { title: true } },
    },
  });
  const byRecipient = new Map<string, ClaimedEmail>();
  for (const row of rows) {
    let email = byRecipient.get(row.recipientId);
    if (!email) {
      const { disabledAt, ...recipient } = row.recipient;
      email = { recipient: { ...recipient, disabled: disabledAt !== null }, ids: [], attempts: 0, items: [] };
      byRecipient.set(row.recipientId, email);
    }
    email.ids.push(row.id);
    email.attempts = Math.max(email.attempts, row.attempts);
    email.items.push({
      kind: row.kind,
      actorName: row.actor.name,
      documentId: row.documentId,
      documentTitle: row.document.title,
      threadId: row.threadId,
      detail: row.detail,
      createdAt: row.createdAt,
    });
  }
  return [...byRecipient.values()];
}

export async function markEmailSent(ids: string[]): Promise<void> {
  await getPrisma().emailNotification.updateMany({ where: { id: { in: ids } }, data: { sentAt: new Date(), claimedUntil: null, lastError: null } });
}

/** Not sent now: retried after `retryInMs`, or given up after MAX_ATTEMPTS. */
export async function markEmailFailed(ids: string[], attempts: number, error: string, retryInMs: number): Promise<void> {
  const giveUp = attempts >= MAX_ATTEMPTS;
  await getPrisma().emailNotification.updateMany({
    where: { id: { in: ids } },
    data: {
      attempts,
      claimedUntil: null,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(Date.now() + retryInMs),
      ...(giveUp ? { abandonedAt: new Date() } : {}),
    },
  });
}

/** Dropped without sending: the person opted out or was disabled after the item was queued. */
export async function abandonEmail(ids: string[], reason: string): Promise<void> {
  await getPrisma().emailNotification.updateMany({ where: { id: { in: ids } }, data: { abandonedAt: new Date(), claimedUntil: null, lastError: reason } });
}
