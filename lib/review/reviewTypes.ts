// Shapes of review data the API returns and the socket pushes.
import type { DocumentStatusName, PresentUser } from "../documentTypes";

export type ThreadStatusName = "open" | "resolved";

export type CommentView = {
  id: string;
  author: PresentUser;
  body: string;
  /** Everyone the body mentions, as the server knows them (names are shown from here, never from the body). */
  mentions: PresentUser[];
  createdAt: string;
  editedAt: string | null;
};

export type ThreadView = {
  id: string;
  documentId: string;
  status: ThreadStatusName;
  quote: string;
  /** Base64 of Y.encodeRelativePosition for the start and end of the anchored range. */
  anchor: { start: string; end: string };
  author: PresentUser;
  assignee: PresentUser | null;
  resolvedBy: PresentUser | null;
  mentionedUserIds: string[];
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  comments: CommentView[];
};

export type NotificationView = {
  id: string;
  kind: "mention" | "assignment";
  document: { id: string; title: string };
  threadId: string;
  actor: PresentUser;
  excerpt: string;
  createdAt: string;
  readAt: string | null;
};

/** `user.email` only when the viewer is a newsroom editor or admin. */
export type MemberView = { user: PresentUser & { email?: string; newsroomRole: string }; role: "viewer" | "commenter" | "suggester" | "editor" };

/** Events pushed to everyone in a document over its /collab socket (message type 100). */
export type DocumentEvent =
  | { type: "thread"; thread: ThreadView }
  | { type: "thread-deleted"; threadId: string }
  | { type: "document"; title: string; reviewMode: boolean; status: DocumentStatusName }
  | { type: "members" }
  /** Only to the sender: the server refused their last update (suggest-only rules); re-sync. */
  | { type: "update-refused"; reason: string };

export const DOCUMENT_EVENT_MESSAGE = 100;
