// The one place that decides who may do what. Routes and the sync server ask
// these functions; nothing else compares roles.
import type { DocumentRole, NewsroomRole } from "./db/generated/enums";

export type Actor = { id: string; role: NewsroomRole };

/**
 * A user's role on a document. Membership decides for analysts and viewers
 * (no membership: no access, and the document is reported as not found);
 * newsroom editors and admins oversee every document and default to `editor`.
 */
export function documentRoleFor(actor: Actor, memberRole: DocumentRole | null): DocumentRole | null {
  if (memberRole) return memberRole;
  if (actor.role === "admin" || actor.role === "editor") return "editor";
  return null;
}

/** The role a newsroom member gets when added to a document without an explicit one. */
export function defaultDocumentRole(newsroomRole: NewsroomRole): DocumentRole {
  return newsroomRole === "viewer" ? "viewer" : "editor";
}

export function canCreateDocument(actor: Actor): boolean {
  return actor.role !== "viewer";
}

/** May send document updates over the socket (all other roles are read-only there). */
export function canEditContent(role: DocumentRole): boolean {
  return role === "editor";
}

export function canRenameDocument(role: DocumentRole): boolean {
  return role === "editor";
}

