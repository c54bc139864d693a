// The piece's public state for its editors: live, scheduled or unpublished,
// decided by the same rules as the public page (publicArticle.ts), plus who
// unpublished it and why (from the audit log).
import type { PublicState } from "../../lib/workflow/publicState";
import { getPrisma } from "../db/prisma";

export async function findPublicState(documentId: string, now = new Date()): Promise<PublicState> {
  const [document, publications] = await Promise.all([
    getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { unpublishedAt: true } }),
    getPrisma().publication.findMany({
      where: { documentId },
      orderBy: { version: "desc" },
      take: 10,
      select: { version: true, slug: true, publishAt: true, createdAt: true },
    }),
  ]);
  const newest = publications[0];
  if (!newest) return { kind: "never_published" };
  const visible = publications.find((row) => row.publishAt <= now);
  // An unpublish supersedes every publication created before it (as on the public page).
  const { unpublishedAt } = document;
  const takenDown = (row: { createdAt: Date }) => unpublishedAt !== null && unpublishedAt > row.createdAt;
  if (takenDown(newest)) {
    const event = await getPrisma().auditEvent.findFirst({
      where: { documentId, action: "unpublish" },
      orderBy: { createdAt: "desc" },
      select: { details: true, actor: { select: { name: true } } },
    });
    const details = event?.details as { note?: unknown } | undefined;
    return { kind: "unpublished", at: unpublishedAt!.toISOString(), by: event?.actor.name ?? null, reason: typeof details?.note === "string" ? details.note : null };
  }
  // A scheduled version unpublished before its time never goes live (handled above).
  if (newest.publishAt > now) {
    const live = visible && !takenDown(visible) ? { version: visible.version, url: `/p/${visible.slug}` } : null;
    return { kind: "scheduled", version: newest.version, publishAt: newest.publishAt.toISOString(), live };
  }
  return { kind: "live", version: newest.version, url: `/p/${newest.slug}`, since: newest.publishAt.toISOString() };
}
