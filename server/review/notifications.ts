// In-app notifications ("For you"): someone mentioned you, or assigned you a thread.
import { excerptOf } from "../../lib/review/mentions";
import type { NotificationView } from "../../lib/review/reviewTypes";
import { getPrisma } from "../db/prisma";
import type { Actor } from "../policies";
import { presentUser } from "./threadView";
import { queueEmails } from "../email/queueEmails";

/** `excerpt`: what the email quotes (the comment, or the thread's quote). */
type NotifyArgs = { actor: Actor; documentId: string; threadId: string; excerpt?: string | undefined };

export async function notifyMentions(args: NotifyArgs & { commentId: string; userIds: string[] }): Promise<void> {
  const recipients = args.userIds.filter((id) => id !== args.actor.id);
  if (recipients.length === 0) return;
  await getPrisma().notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      actorId: args.actor.id,
      documentId: args.documentId,
      threadId: args.threadId,
      commentId: args.commentId,
      kind: "mention" as const,
    })),
  });
  await queueEmails(recipients, { kind: "mention", actorId: args.actor.id, documentId: args.documentId, threadId: args.threadId, detail: args.excerpt });
}

export async function notifyAssignment(args: NotifyArgs & { userId: string }): Promise<void> {
  if (args.userId === args.actor.id) return;
  await getPrisma().notification.create({
    data: { userId: args.userId, actorId: args.actor.id, documentId: args.documentId, threadId: args.threadId, kind: "assignment" },
  });
  await queueEmails([args.userId], { kind: "assignment", actorId: args.actor.id, documentId: args.documentId, threadId: args.threadId, detail: args.excerpt });
}

const EXCERPT_LENGTH = 140;

export async function listNotifications(actor: Actor): Promise<NotificationView[]> {
  const rows = await getPrisma().notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: {
      actor: { select: { id: true, name: true } },
      document: { select: { id: true, title: true } },
      comment: { select: { body: true } },
      thread: { select: { quote: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    document: row.document,
    threadId: row.threadId,
    actor: presentUser(row.actor),
    excerpt: excerptOf(row.comment?.body ?? row.thread.quote, EXCERPT_LENGTH),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }));
}

export async function markNotificationsRead(actor: Actor, ids: string[]): Promise<number> {
  const { count } = await getPrisma().notification.updateMany({ where: { userId: actor.id, id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
  return count;
}
