// Documents: list, create, read, rename. Plain functions over Prisma; the
// caller has authenticated the actor, these functions authorize.
import type { DocumentRole, DocumentStatus } from "../db/generated/enums";
import type { DocumentSummary } from "../../lib/documentTypes";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";
import { canCreateDocument, canRenameDocument, documentRoleFor, type Actor } from "../policies";
import { getDocumentRoleOrThrow } from "./documentAccess";

const summarySelect = (actorId: string) =>
  ({
    id: true,
    title: true,
    status: true,
    createdAt: true,
    updatedAt: true,
    lastEditedAt: true,
    createdBy: { select: { id: true, name: true } },
    members: { where: { userId: actorId }, select: { role: true } },
  }) as const;

type SummaryRow = {
  id: string;
  title: string;
  status: DocumentStatus;
  createdAt: Date;
  updatedAt: Date;
  lastEditedAt: Date | null;
  createdBy: { id: string; name: string };
  members: { role: DocumentRole }[];
};

function toSummary(row: SummaryRow, role: DocumentRole): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    role,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastEditedAt: row.lastEditedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
  };
}

/** Documents the actor can open, most recently edited first. */
export async function listDocuments(actor: Actor): Promise<DocumentSummary[]> {
  const seesAll = documentRoleFor(actor, null) !== null;
  const rows = await getPrisma().document.findMany({
    where: seesAll ? {} : { members: { some: { userId: actor.id } } },
    select: summarySelect(actor.id),
    orderBy: [{ updatedAt: "desc" }],
    take: 500,
  });
  return rows.flatMap((row) => {
    const role = documentRoleFor(actor, row.members[0]?.role ?? null);
    return role ? [toSummary(row, role)] : [];
  });
}

export async function getDocumentOrThrow(actor: Actor, documentId: string): Promise<DocumentSummary> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  const row = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: summarySelect(actor.id) });
  return toSummary(row, role);
}

export async function createDocument(actor: Actor, input: { title: string }): Promise<DocumentSummary> {
  if (!canCreateDocument(actor)) throw new AppError("forbidden", "Viewers cannot create documents");
  const row = await getPrisma().document.create({
    data: {
      title: input.title,
      createdById: actor.id,
      members: { create: { userId: actor.id, role: "editor" } },
    },
    select: summarySelect(actor.id),
  });
  return toSummary(row, "editor");
}

export async function renameDocument(actor: Actor, documentId: string, title: string): Promise<DocumentSummary> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canRenameDocument(role)) throw new AppError("forbidden", "Only editors of this document can rename it");
  const row = await getPrisma().document.update({
    where: { id: documentId },
    data: { title },
    select: summarySelect(actor.id),
  });
  return toSummary(row, role);
}
