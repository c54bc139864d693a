// Puts emails in the queue (the email_notifications table) for the worker to
// send. Called where the events happen (server/review, server/workflow), in the
// event's own transaction when it has one, so an email exists iff its event does.
import type { Prisma } from "../db/generated/client";
import type { EmailNotificationKind } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";
import { processGlobal } from "../processGlobal";
import { emailEnabled } from "./emailSettings";

export type EmailEvent = {
  kind: EmailNotificationKind;
  actorId: string;
  documentId: string;
  threadId?: string | undefined;
  /** Plain text shown in the email: a comment excerpt, a note, a version. */
  detail?: string | null | undefined;
};

type Db = Prisma.TransactionClient;

/** The running worker's wake-up, shared with Next's bundle (route handlers queue, the server process sends). */
export const emailWorkerWake = processGlobal<() => void>("emailWorkerWake");

/**
 * Queues one email item per recipient: never to the actor, nor to people who
 * opted out or whose account is disabled. Does nothing without SMTP_URL.
 */
export async function queueEmails(recipientIds: Iterable<string>, event: EmailEvent, db: Db = getPrisma()): Promise<number> {
  if (!emailEnabled()) return 0;
  const ids = [...new Set(recipientIds)].filter((id) => id !== event.actorId);
  if (ids.length === 0) return 0;
  const recipients = await db.user.findMany({ where: { id: { in: ids }, emailNotifications: true, disabledAt: null }, select: { id: true } });
  if (recipients.length === 0) return 0;
  const detail = event.detail ? event.detail.slice(0, 1000) : null;
  await db.emailNotification.createMany({
    data: recipients.map((recipient) => ({
      recipientId: recipient.id,
      actorId: event.actorId,
      documentId: event.documentId,
      threadId: event.threadId ?? null,
      kind: event.kind,
      detail,
    })),
  });
  // Inside a transaction the rows are not visible yet; the worker's next poll finds them anyway.
  emailWorkerWake.get()?.();
  return recipients.length;
}
