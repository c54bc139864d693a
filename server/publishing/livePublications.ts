// The pieces readers can read now, newest first: each live document's current
// version, with when it was first published. Unpublished and scheduled-but-not-
// yet-live pieces are absent. The front page and both feeds list these.
import { getPrisma } from "../db/prisma";

export async function listLivePublications(options: { limit: number; now?: Date }) {
  const now = options.now ?? new Date();
  const rows = await getPrisma().publication.findMany({
    where: { publishAt: { lte: now } },
    orderBy: [{ publishAt: "desc" }],
    take: 500,
    include: { document: { select: { unpublishedAt: true } } },
  });
  // Newest visible version per document, dropped when unpublished after it.
  const latest = new Map<string, (typeof rows)[number]>();
  const firstPublished = new Map<string, Date>();
  for (const row of rows) {
    const current = latest.get(row.documentId);
    if (!current || row.version > current.version) latest.set(row.documentId, row);
    const seen = firstPublished.get(row.documentId);
    if (!seen || row.publishAt < seen) firstPublished.set(row.documentId, row.publishAt);
  }
  return [...latest.values()]
    .filter((row) => !(row.document.unpublishedAt && row.document.unpublishedAt > row.createdAt))
    .sort((a, b) => b.publishAt.getTime() - a.publishAt.getTime())
    .slice(0, options.limit)
    .map((row) => ({ ...row, firstPublishedAt: firstPublished.get(row.documentId)! }));
}

export type LivePublication = Awaited<ReturnType<typeof listLivePublications>>[number];
