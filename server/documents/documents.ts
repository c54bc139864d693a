// Documents: list, create, read, rename. Plain functions over Prisma; the
// caller has authenticated the actor, these functions authorize.
import type { DocumentRole, DocumentStatus } from "../db/generated/enums";
import type { DocumentSummary } from "../../lib/documentTypes";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";
import { publishDocumentEvent } from "../collab/documentEvents";
import { canCreateDocument, canRenameDocument, canSetReviewMode, documentRoleFor, type Actor } from "../policies";
import { getDocumentRoleOrThrow } from "./documentAccess";

const summarySelect = (actorId: string) =>
  ({
    id: true,
    title: true,
    status: true,
    createdAt: true,
    updatedAt: true,
    lastEditedAt: true,
    reviewMode: true,
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
  reviewMode: boolean;
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
    reviewMode: row.reviewMode,
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
    const role = documentRoleFor(actor, row.members[0]?.role ?? null, { reviewMode: row.reviewMode });
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

/** Renames a document and/or switches its review mode; pushes the change to everyone in it. */
export async function updateDocument(
  actor: Actor,
  documentId: string,
  changes: { title?: string | undefined; reviewMode?: boolean | undefined },
): Promise<DocumentSummary> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (changes.title !== undefined && !canRenameDocument(role)) throw new AppError("forbidden", "Only editors of this document can rename it");
  if (changes.reviewMode !== undefined && !canSetReviewMode(actor, role)) {
    throw new AppError("forbidden", "Only newsroom editors can switch review mode");
  }
  const row = await getPrisma().document.update({
    where: { id: documentId },
    data: { ...(changes.title !== undefined ? { title: changes.title } : {}), ...(changes.reviewMode !== undefined ? { reviewMode: changes.reviewMode } : {}) },
    select: summarySelect(actor.id),
  });
  publishDocumentEvent(documentId, { type: "document", title: row.title, reviewMode: row.reviewMode, status: row.status }, { rolesChanged: changes.reviewMode !== undefined });
  return toSummary(row, documentRoleFor(actor, row.members[0]?.role ?? null, { reviewMode: row.reviewMode }) ?? role);
}
