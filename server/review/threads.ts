// Comment threads: create, reply, resolve/reopen, assign, edit and delete
// comments. Authors always come from the session; every change is pushed to
// everyone in the document.
import * as Y from "yjs";
import { MAX_ANCHOR_BYTES } from "../../lib/limits";
import { excerptOf, markupToDisplay, mentionedUserIds } from "../../lib/review/mentions";
import type { ThreadView } from "../../lib/review/reviewTypes";
import { publishDocumentEvent } from "../collab/documentEvents";
import { getPrisma } from "../db/prisma";
import { findDocumentRole, getDocumentRoleOrThrow } from "../documents/documentAccess";
import { AppError } from "../errors";
import { canChangeComment, canComment, canResolveThread, type Actor } from "../policies";
import { auditEventData } from "../workflow/audit";
import { notifyAssignment, notifyMentions } from "./notifications";
import { presentThread, threadInclude } from "./threadView";

export async function listThreads(actor: Actor, documentId: string): Promise<ThreadView[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  const rows = await getPrisma().commentThread.findMany({ where: { documentId }, include: threadInclude, orderBy: { createdAt: "asc" } });
  return rows.map(presentThread);
}

export async function createThread(
  actor: Actor,
  documentId: string,
  input: { anchor: { start: string; end: string }; quote: string; body: string; assigneeId?: string | null | undefined },
): Promise<ThreadView> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canComment(role)) throw new AppError("forbidden", "Your role on this document cannot comment");
  const anchorStart = decodeAnchor(input.anchor.start);
  const anchorEnd = decodeAnchor(input.anchor.end);
  const mentions = await checkMentionedUsers(documentId, input.body);
  if (input.assigneeId) await checkMentionedUsers(documentId, "", [input.assigneeId]);

  const row = await getPrisma().commentThread.create({
    data: {
      documentId,
      authorId: actor.id,
      assigneeId: input.assigneeId ?? null,
      quote: input.quote,
      anchorStart,
      anchorEnd,
      comments: { create: { authorId: actor.id, body: input.body, mentions: { create: mentions.map((userId) => ({ userId })) } } },
    },
    include: threadInclude,
  });
  const thread = presentThread(row);
  await notifyMentions({ actor, documentId, threadId: row.id, commentId: row.comments[0]!.id, userIds: mentions, excerpt: emailExcerpt(input.body) });
  if (input.assigneeId) await notifyAssignment({ actor, documentId, threadId: row.id, userId: input.assigneeId, excerpt: emailExcerpt(input.body) });
  publishDocumentEvent(documentId, { type: "thread", thread });
  return thread;
}

export async function replyToThread(actor: Actor, documentId: string, threadId: string, body: string): Promise<ThreadView> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canComment(role)) throw new AppError("forbidden", "Your role on this document cannot comment");
  await getThreadOrThrow(documentId, threadId);
  const mentions = await checkMentionedUsers(documentId, body);
  const comment = await getPrisma().comment.create({
    data: { threadId, authorId: actor.id, body, mentions: { create: mentions.map((userId) => ({ userId })) } },
  });
  await notifyMentions({ actor, documentId, threadId, commentId: comment.id, userIds: mentions, excerpt: emailExcerpt(body) });
  return publishThread(documentId, threadId, { touch: true });
}

export async function updateThread(
  actor: Actor,
  documentId: string,
  threadId: string,
  changes: { status?: "open" | "resolved" | undefined; assigneeId?: string | null | undefined },
): Promise<ThreadView> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  const thread = await getThreadOrThrow(documentId, threadId);
  if (changes.status !== undefined && !canResolveThread(role, actor, thread.authorId)) {
    throw new AppError("forbidden", "Only the thread's author or a document editor can resolve or reopen it");
  }
  if (changes.assigneeId !== undefined && !canComment(role)) throw new AppError("forbidden", "Your role on this document cannot assign threads");
  if (changes.assigneeId) await checkMentionedUsers(documentId, "", [changes.assigneeId]);

  const data: Record<string, unknown> = {};
  if (changes.status === "resolved" && thread.status !== "resolved") Object.assign(data, { status: "resolved", resolvedAt: new Date(), resolvedById: actor.id });
  if (changes.status === "open" && thread.status !== "open") Object.assign(data, { status: "open", resolvedAt: null, resolvedById: null });
  if (changes.assigneeId !== undefined) data.assigneeId = changes.assigneeId;
  const statusChanged = data.status !== undefined;
  await getPrisma().$transaction([
    getPrisma().commentThread.update({ where: { id: threadId }, data }),
    ...(statusChanged
      ? [getPrisma().auditEvent.create({ data: auditEventData({ actorId: actor.id, documentId, action: `thread_${String(data.status)}`, details: { threadId, quote: thread.quote.slice(0, 120) } }) })]
      : []),
  ]);
  if (changes.assigneeId && changes.assigneeId !== thread.assigneeId) {
    await notifyAssignment({ actor, documentId, threadId, userId: changes.assigneeId, excerpt: emailExcerpt(thread.quote) });
  }
  return publishThread(documentId, threadId);
}

export async function editComment(actor: Actor, documentId: string, threadId: string, commentId: string, body: string): Promise<ThreadView> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  const comment = await getCommentOrThrow(documentId, threadId, commentId);
  if (!canChangeComment(role, actor, comment.authorId)) throw new AppError("forbidden", "You can only edit your own comments");
  const mentions = await checkMentionedUsers(documentId, body);
  const before = new Set(mentionedUserIds(comment.body));
  await getPrisma().$transaction([
    getPrisma().commentMention.deleteMany({ where: { commentId } }),
    getPrisma().comment.update({
      where: { id: commentId },
      data: { body, editedAt: new Date(), mentions: { create: mentions.map((userId) => ({ userId })) } },
    }),
  ]);
  await notifyMentions({ actor, documentId, threadId, commentId, userIds: mentions.filter((id) => !before.has(id)), excerpt: emailExcerpt(body) });
  return publishThread(documentId, threadId);
}

/** Deletes one's own comment; a thread left without comments goes with it. */
export async function deleteComment(actor: Actor, documentId: string, threadId: string, commentId: string): Promise<ThreadView | null> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  const comment = await getCommentOrThrow(documentId, threadId, commentId);
  if (!canChangeComment(role, actor, comment.authorId)) throw new AppError("forbidden", "You can only delete your own comments");
  await getPrisma().comment.delete({ where: { id: commentId } });
  if ((await getPrisma().comment.count({ where: { threadId } })) === 0) {
    await getPrisma().commentThread.delete({ where: { id: threadId } });
    publishDocumentEvent(documentId, { type: "thread-deleted", threadId });
    return null;
  }
  return publishThread(documentId, threadId);
}

async function publishThread(documentId: string, threadId: string, options: { touch?: boolean } = {}): Promise<ThreadView> {
  const row = options.touch
    ? await getPrisma().commentThread.update({ where: { id: threadId }, data: { updatedAt: new Date() }, include: threadInclude })
    : await getPrisma().commentThread.findUniqueOrThrow({ where: { id: threadId }, include: threadInclude });
  const thread = presentThread(row);
  publishDocumentEvent(documentId, { type: "thread", thread });
  return thread;
}

async function getThreadOrThrow(documentId: string, threadId: string) {
  const thread = await getPrisma().commentThread.findFirst({ where: { id: threadId, documentId } });
  if (!thread) throw new AppError("not_found", "Thread not found");
  return thread;
}

// Every id in the path must belong to the document in the path, the one whose
// role was checked: otherwise someone removed from document B could edit their
// old comment there through a document A they can still open, and read B's thread.
async function getCommentOrThrow(documentId: string, threadId: string, commentId: string) {
  const comment = await getPrisma().comment.findFirst({ where: { id: commentId, threadId, thread: { documentId } } });
  if (!comment) throw new AppError("not_found", "Comment not found");
  return comment;
}

/** What an email quotes: mentions as names, bounded. */
const emailExcerpt = (text: string) => markupToDisplay(excerptOf(text, 300)).text;

/** A base64 Yjs relative position, decoded and checked. */
function decodeAnchor(encoded: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Buffer.from(encoded, "base64"));
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_ANCHOR_BYTES) throw new AppError("unprocessable", "The anchor is not a valid position");
  try {
    Y.decodeRelativePosition(bytes);
  } catch {
    throw new AppError("unprocessable", "The anchor is not a valid position");
  }
  return bytes;
}

/** Mentioned (or assigned) people must exist and be able to open the document. */
async function checkMentionedUsers(documentId: string, body: string, extra: string[] = []): Promise<string[]> {
  const ids = [...new Set([...mentionedUserIds(body), ...extra])];
  if (ids.length === 0) return [];
  const users = await getPrisma().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, role: true } });
  if (users.length !== ids.length) throw new AppError("unprocessable", "A mentioned person does not exist");
  for (const user of users) {
    if (!(await findDocumentRole(user, documentId))) throw new AppError("unprocessable", `${user.name} has no access to this document; share it first`);
  }
  return mentionedUserIds(body);
}
