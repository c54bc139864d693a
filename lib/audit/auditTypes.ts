// Shapes of the audit log as the API returns it, shared with the browser.
import type { PresentUser } from "../documentTypes";

export type AuditEventView = {
  id: string;
  /** A workflow action (`approve`, `publish`…), `thread_resolved`, `member_role_set`… — open-ended: new kinds appear over time. */
  action: string;
  actor: PresentUser;
  /** Whatever the action recorded: from/to status, note, version, quote, userId, role… */
  details: Record<string, unknown>;
  /** The person the event is about (`details.userId` of membership changes), resolved by the server; null when none. */
  subject: PresentUser | null;
  createdAt: string;
};

/** A newsroom-wide entry also says which document it concerns (null for events about no document). */
export type NewsroomAuditEventView = AuditEventView & { document: { id: string; title: string } | null };

export type NewsroomAuditPage = {
  events: NewsroomAuditEventView[];
  /** Pass as `before` to get the next (older) page; null when this page is the last. */
  nextCursor: string | null;
};
