// Who is told by email about what (README, "Email"): lookups over Prisma.
import type { Prisma } from "../db/generated/client";
import { getPrisma } from "../db/prisma";

type Db = Prisma.TransactionClient;

/** Newsroom editors and admins: they review what is submitted. */
export async function newsroomEditorIds(db: Db = getPrisma()): Promise<string[]> {
  const rows = await db.user.findMany({ where: { role: { in: ["editor", "admin"] }, disabledAt: null }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** The piece's author (who created it): told when changes are requested. */
export async function documentAuthorIds(documentId: string, db: Db = getPrisma()): Promise<string[]> {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { createdById: true } });
  return document ? [document.createdById] : [];
}

/** The piece's byline and its editors (members who edit it): told when it goes live or comes down. */
export async function bylineAndEditorIds(documentId: string, db: Db = getPrisma()): Promise<string[]> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { bylineId: true, members: { where: { role: "editor" }, select: { userId: true } } },
  });
  if (!document) return [];
  return [...(document.bylineId ? [document.bylineId] : []), ...document.members.map((member) => member.userId)];
}
