// Who is on a document, with which role (the share dialog).
import type { MemberView } from "../../lib/review/reviewTypes";
import { userColor } from "../../lib/userColor";
import { publishDocumentEvent } from "../collab/documentEvents";
import type { DocumentRole } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";
import { canManageMembers, canSeeEmails, documentRoleFor, isGrantAllowed, type Actor } from "../policies";
import type { NewsroomRole } from "../db/generated/enums";
import { auditEventData } from "../workflow/audit";
import { getDocumentRoleOrThrow } from "./documentAccess";

export async function listMembers(actor: Actor, documentId: string): Promise<MemberView[]> {
  await getDocumentRoleOrThrow(actor, documentId);
  const rows = await getPrisma().documentMember.findMany({
    where: { documentId },
    include: { user: { select: { id: true, name: true, email: true, role: true } } },
    orderBy: { createdAt: "asc" },
  });
  const withEmails = canSeeEmails(actor);
  return rows.map((row) => ({
    user: { id: row.user.id, name: row.user.name, ...(withEmails ? { email: row.user.email } : {}), newsroomRole: row.user.role, color: userColor(row.user.id) },
    // What the row gives, as policies read it (a newsroom editor's old viewer row still means editor).
    role: documentRoleFor(row.user, row.role) ?? row.role,
  }));
}

export async function setMemberRole(actor: Actor, documentId: string, userId: string, role: DocumentRole): Promise<MemberView[]> {
  await requireManager(actor, documentId);
  const user = await getPrisma().user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true } });
  if (!user) throw new AppError("not_found", "No such user");
  if (!isGrantAllowed(user.role, role)) throw new AppError("unprocessable", grantRefusal(user.name, user.role));
  if (userId === actor.id && role !== "editor") await ensureAnotherEditor(documentId, actor.id);
  await getPrisma().$transaction([
    getPrisma().documentMember.upsert({
      where: { documentId_userId: { documentId, userId } },
      create: { documentId, userId, role },
      update: { role },
    }),
    getPrisma().auditEvent.create({ data: auditEventData({ actorId: actor.id, documentId, action: "member_role_set", details: { userId, role } }) }),
  ]);
  publishDocumentEvent(documentId, { type: "members" }, { rolesChanged: true });
  return listMembers(actor, documentId);
}

export async function removeMember(actor: Actor, documentId: string, userId: string): Promise<MemberView[]> {
  await requireManager(actor, documentId);
  if (userId === actor.id) await ensureAnotherEditor(documentId, actor.id);
  await getPrisma().$transaction([
    getPrisma().documentMember.deleteMany({ where: { documentId, userId } }),
    getPrisma().auditEvent.create({ data: auditEventData({ actorId: actor.id, documentId, action: "member_removed", details: { userId } }) }),
  ]);
  publishDocumentEvent(documentId, { type: "members" }, { rolesChanged: true });
  return listMembers(actor, documentId);
}

function grantRefusal(name: string, newsroomRole: NewsroomRole): string {
  return newsroomRole === "viewer"
    ? `${name} is a newsroom viewer: they can only read documents`
    : `${name} is a newsroom ${newsroomRole}: they edit every document`;
}

async function requireManager(actor: Actor, documentId: string) {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canManageMembers(role)) throw new AppError("forbidden", "Only editors of this document can change who has access");
}

// A document must keep at least one member who can manage it.
async function ensureAnotherEditor(documentId: string, leavingUserId: string) {
  const others = await getPrisma().documentMember.count({ where: { documentId, role: "editor", userId: { not: leavingUserId } } });
  if (others === 0) throw new AppError("conflict", "Add another editor before giving up your own editor role");
}
