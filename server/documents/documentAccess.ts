import type { DocumentRole } from "../db/generated/enums";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";
import { documentRoleFor, type Actor } from "../policies";

/** The actor's role on the document, or null when it does not exist or is not visible to them. */
export async function findDocumentRole(actor: Actor, documentId: string): Promise<DocumentRole | null> {
  const document = await getPrisma().document.findUnique({
    where: { id: documentId },
    select: { reviewMode: true, members: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!document) return null;
  return documentRoleFor(actor, document.members[0]?.role ?? null, { reviewMode: document.reviewMode });
}

/** Like findDocumentRole, for routes: a document the actor cannot see is "not found" (no existence leak). */
export async function getDocumentRoleOrThrow(actor: Actor, documentId: string): Promise<DocumentRole> {
  const role = await findDocumentRole(actor, documentId);
  if (!role) throw new AppError("not_found", "Document not found");
  return role;
}
