// Which document roles a member row may give someone, by their newsroom role.
// Shared by the server's policies (which enforce it) and the share dialog
// (which offers only these). A newsroom viewer only reads; newsroom editors
// and admins edit every document, so a member row can neither raise the one
// nor lower the other.
import type { DocumentRoleName } from "../documentTypes";

export const DOCUMENT_ROLES: readonly DocumentRoleName[] = ["viewer", "commenter", "suggester", "editor"];

export function grantableRoles(newsroomRole: string): readonly DocumentRoleName[] {
  if (newsroomRole === "admin" || newsroomRole === "editor") return ["editor"];
  if (newsroomRole === "viewer") return ["viewer"];
  return DOCUMENT_ROLES;
}

export function isGrantAllowed(newsroomRole: string, role: DocumentRoleName): boolean {
  return grantableRoles(newsroomRole).includes(role);
}

/** The role given to someone added to a document: commenter where allowed, else the one role they may have. */
export function roleOnAdding(newsroomRole: string): DocumentRoleName {
  const allowed = grantableRoles(newsroomRole);
  return allowed.includes("commenter") ? "commenter" : allowed[0]!;
}
