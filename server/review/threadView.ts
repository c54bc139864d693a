// Presents thread rows as the API and socket shape.
import type { CommentView, ThreadView } from "../../lib/review/reviewTypes";
import { mentionedUserIds } from "../../lib/review/mentions";
import { userColor } from "../../lib/userColor";
import type { ThreadStatus } from "../db/generated/enums";

type UserRow = { id: string; name: string };

export const threadInclude = {
  author: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
  comments: {
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } }, mentions: { select: { user: { select: { id: true, name: true } } } } },
  },
} as const;

export type ThreadRow = {
  id: string;
  documentId: string;
  status: ThreadStatus;
  quote: string;
  anchorStart: Uint8Array;
  anchorEnd: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  author: UserRow;
  assignee: UserRow | null;
  resolvedBy: UserRow | null;
  comments: { id: string; body: string; createdAt: Date; editedAt: Date | null; author: UserRow; mentions: { user: UserRow }[] }[];
};

export const presentUser = (user: UserRow) => ({ id: user.id, name: user.name, color: userColor(user.id) });

export function presentComment(comment: ThreadRow["comments"][number]): CommentView {
  return {
    id: comment.id,
    author: presentUser(comment.author),
    body: comment.body,
    // The people mentioned, by id: the name written in the body is the author's text and could be anyone's.
    mentions: comment.mentions.map((mention) => presentUser(mention.user)),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
  };
}

export function presentThread(row: ThreadRow): ThreadView {
  return {
    id: row.id,
    documentId: row.documentId,
    status: row.status,
    quote: row.quote,
    anchor: { start: Buffer.from(row.anchorStart).toString("base64"), end: Buffer.from(row.anchorEnd).toString("base64") },
    author: presentUser(row.author),
    assignee: row.assignee ? presentUser(row.assignee) : null,
    resolvedBy: row.resolvedBy ? presentUser(row.resolvedBy) : null,
    mentionedUserIds: [...new Set(row.comments.flatMap((comment) => mentionedUserIds(comment.body)))],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    comments: row.comments.map(presentComment),
  };
}
