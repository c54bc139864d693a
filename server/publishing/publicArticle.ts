// What the public sees at /p/<slug>: the newest publication whose time has
// come, 404 before that (embargo), 410 after "Unpublish".
import { getPrisma } from "../db/prisma";

export type PublicationRow = Awaited<ReturnType<typeof visiblePublications>>[number];

async function visiblePublications(slug: string, now: Date) {
  return getPrisma().publication.findMany({
    where: { slug, publishAt: { lte: now } },
    orderBy: { version: "desc" },
    include: { document: { select: { id: true, unpublishedAt: true, unpublishedReaderNote: true } } },
  });
}

export type PublicArticle =
  | { kind: "ok"; publication: PublicationRow; history: PublicationRow[] }
  | { kind: "gone"; headline: string; unpublishedAt: Date; readerNote: string | null }
  | { kind: "not_found" };

export async function findPublicArticle(slug: string, version?: number, now = new Date()): Promise<PublicArticle> {
  const visible = await visiblePublications(slug, now);
  const latest = visible[0];
  if (!latest) return { kind: "not_found" };
  // Newer publications of another document cannot take over a slug: only this document's rows count.
  const history = visible.filter((row) => row.documentId === latest.documentId);
  const unpublishedAt = latest.document.unpublishedAt;
  if (unpublishedAt && unpublishedAt > latest.createdAt) {
    return { kind: "gone", headline: latest.headline, unpublishedAt, readerNote: latest.document.unpublishedReaderNote };
  }
  const publication = version === undefined ? latest : history.find((row) => row.version === version);
  return publication ? { kind: "ok", publication, history } : { kind: "not_found" };
}
