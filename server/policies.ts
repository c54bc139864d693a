// The one place that decides who may do what. Routes and the sync server ask
// these functions; nothing else compares roles.
import { grantableRoles, isGrantAllowed } from "../lib/review/grantableRoles";
import type { DocumentRole, NewsroomRole } from "./db/generated/enums";

export type Actor = { id: string; role: NewsroomRole };

/**
 * A user's role on a document. Membership decides for analysts and viewers
 * (no membership: no access, and the document is reported as not found),
 * capped by what their newsroom role allows (a newsroom viewer stays a
 * viewer whatever a member row says). Newsroom editors and admins oversee
 * every document as editors: a member row never lowers them, or a document
 * editor could lock the newsroom's editors out of a piece.
 * In review mode, analysts who could edit may only suggest.
 */
export function documentRoleFor(actor: Actor, memberRole: DocumentRole | null, options: { reviewMode?: boolean } = {}): DocumentRole | null {
  const role = isNewsroomEditor(actor) ? "editor" : memberRole && withinNewsroomRole(actor.role, memberRole);
  if (role === "editor" && options.reviewMode && actor.role === "analyst") return "suggester";
  return role;
}

/** A member row's role, lowered to the highest one the newsroom role allows (rows written before that rule). */
function withinNewsroomRole(newsroomRole: NewsroomRole, role: DocumentRole): DocumentRole {
  if (isGrantAllowed(newsroomRole, role)) return role;
  const allowed = grantableRoles(newsroomRole);
  return allowed[allowed.length - 1]!;
}

/** Whether a member row with `role` may be written for someone with this newsroom role. */
export { isGrantAllowed };

function isNewsroomEditor(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "editor";
}

/** The role a newsroom member gets when added to a document without an explicit one. */
export function defaultDocumentRole(newsroomRole: NewsroomRole): DocumentRole {
  return newsroomRole === "viewer" ? "viewer" : "editor";
}

export function canCreateDocument(actor: Actor): boolean {
  return actor.role !== "viewer";
}

/** May change text directly (all other roles' plain edits are refused by the sync server). */
export function canEditContent(role: DocumentRole): boolean {
  return role === "editor";
}

/** May send edits that are suggestions (the sync server checks each one). */
export function canSuggest(role: DocumentRole): boolean {
  return role === "suggester" || role === "editor";
}

export function canComment(role: DocumentRole): boolean {
  return role !== "viewer";
}

/** Resolve or reopen: one's own threads as a commenter, anyone's as an editor. */
export function canResolveThread(role: DocumentRole, actor: Actor, threadAuthorId: string): boolean {
  return role === "editor" || (canComment(role) && actor.id === threadAuthorId);
}

/** Comments are edited and deleted only by whoever wrote them. */
export function canChangeComment(role: DocumentRole, actor: Actor, commentAuthorId: string): boolean {
  return canComment(role) && actor.id === commentAuthorId;
}

export function canRenameDocument(role: DocumentRole): boolean {
  return role === "editor";
}

export function canManageMembers(role: DocumentRole): boolean {
  return role === "editor";
}

/** Review mode turns analysts' edits into suggestions: a newsroom editor's call. */
export function canSetReviewMode(actor: Actor, role: DocumentRole): boolean {
  return role === "editor" && isNewsroomEditor(actor);
}

/** Naming a version ("Sent to legal") is open to everyone who shapes the text. */
export function canNameVersion(role: DocumentRole): boolean {
  return canSuggest(role);
}

/** Restoring rewrites the current text to an older version's: a direct edit. */
export function canRestoreVersion(role: DocumentRole): boolean {
  return canEditContent(role);
}

/**
 * The newsroom-wide audit log (every document's events) is for newsroom editors
 * and admins, who oversee every document; a document's own log is read through
 * the document (its members).
 */
export function canReadNewsroomAudit(actor: Actor): boolean {
  return isNewsroomEditor(actor);
}

/** Email addresses of colleagues are shown to those who manage accounts: newsroom editors and admins. */
export function canSeeEmails(actor: Actor): boolean {
  return isNewsroomEditor(actor);
}

/** Uploading an image to a document: whoever may put it into the text, directly or as a suggestion. */
export function canUploadMedia(role: DocumentRole): boolean {
  return canSuggest(role);
}
