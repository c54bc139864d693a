// Documents: list, create, read, rename. Plain functions over Prisma; the
// caller has authenticated the actor, these functions authorize.
import type { DocumentRole, DocumentStatus } from "../db/generated/enums";
import type { DocumentSummary } from "../../lib/documentTypes";
import { getPrisma } from "../db/prisma";
import { isUniqueViolation } from "../db/prismaErrors";
import { AppError } from "../errors";
import { publishDocumentEvent } from "../collab/documentEvents";
import { publishNewsroomEvent } from "../newsroom/newsroomEvents";
import { canCreateDocument, canRenameDocument, canSetReviewMode, documentRoleFor, type Actor } from "../policies";
import { findDocumentRole, getDocumentRoleOrThrow } from "./documentAccess";

const summarySelect = (actorId: string) =>
  ({
    id: true,
    title: true,
    status: true,
    createdAt: true,
    updatedAt: true,
    lastEditedAt: true,
    reviewMode: true,
    headline: true,
    dek: true,
    slug: true,
    section: true,
    tags: true,
    byline: { select: { id: true, name: true } },
    createdBy: { select: { id: true, name: true } },
    members: { where: { userId: actorId }, select: { role: true } },
    _count: { select: { publications: true } },
  }) as const;

type SummaryRow = {
  id: string;
  title: string;
  status: DocumentStatus;
  createdAt: Date;
  updatedAt: Date;
  lastEditedAt: Date | null;
  reviewMode: boolean;
  headline: string | null;
  dek: string | null;
  slug: string | null;
  section: string | null;
  tags: string[];
  byline: { id: string; name: string } | null;
  createdBy: { id: string; name: string };
  members: { role: DocumentRole }[];
  _count: { publications: number };
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
    metadata: { headline: row.headline, dek: row.dek, byline: row.byline, slug: row.slug, section: row.section, tags: row.tags },
    createdBy: row.createdBy,
    hasBeenPublished: row._count.publications > 0,
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
  publishNewsroomEvent({ type: "document", documentId: row.id });
  return toSummary(row, "editor");
}

export type DocumentChanges = {
  title?: string | undefined;
  reviewMode?: boolean | undefined;
  headline?: string | null | undefined;
  dek?: string | null | undefined;
  bylineId?: string | null | undefined;
  slug?: string | null | undefined;
  section?: string | null | undefined;
  tags?: string[] | undefined;
};

/** Renames a document, edits its newsroom metadata and/or switches review mode; pushes the change to everyone in it. */
export async function updateDocument(actor: Actor, documentId: string, changes: DocumentChanges): Promise<DocumentSummary> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  const { reviewMode, bylineId, ...fields } = changes;
  const editsContent = Object.values(fields).some((value) => value !== undefined) || bylineId !== undefined;
  if (editsContent && !canRenameDocument(role)) throw new AppError("forbidden", "Only editors of this document can change its title and metadata");
  if (reviewMode !== undefined && !canSetReviewMode(actor, role)) {
    throw new AppError("forbidden", "Only newsroom editors can switch review mode");
  }
  if (fields.slug !== undefined) await ensureSlugChangeable(documentId, fields.slug);
  if (bylineId) {
    const author = await getPrisma().user.findUnique({ where: { id: bylineId }, select: { id: true, role: true } });
    if (!author || !(await findDocumentRole(author, documentId))) throw new AppError("unprocessable", "The byline must be someone with access to this document");
  }
  const data = Object.fromEntries(
    Object.entries({ ...fields, reviewMode, bylineId, tags: fields.tags ? [...new Set(fields.tags)] : undefined }).filter(([, value]) => value !== undefined),
  );
  let row;
  try {
    row = await getPrisma().document.update({ where: { id: documentId }, data, select: summarySelect(actor.id) });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `The slug "${changes.slug}" is already used by another piece`);
    throw error;
  }
  publishDocumentEvent(documentId, { type: "document", title: row.title, reviewMode: row.reviewMode, status: row.status }, { rolesChanged: reviewMode !== undefined });
  return toSummary(row, documentRoleFor(actor, row.members[0]?.role ?? null, { reviewMode: row.reviewMode }) ?? role);
}

/**
 * The slug is the piece's public address: editable until the first publication,
 * fixed from then on (even after unpublishing), so links and the corrections
 * log keep pointing at the same page. Re-sending the same slug is fine.
 */
async function ensureSlugChangeable(documentId: string, slug: string | null) {
  const document = await getPrisma().document.findUniqueOrThrow({
    where: { id: documentId },
    select: { slug: true, publications: { select: { slug: true }, orderBy: { version: "asc" }, take: 1 } },
  });
  const published = document.publications[0];
  if (published && slug !== document.slug) {
    throw new AppError("conflict", `The slug is fixed once the piece has been published: /p/${document.slug ?? published.slug}`);
  }
}
