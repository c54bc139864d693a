// JSON Feed 1.1 of published pieces: each live article's current version,
// newest first. Unpublished and scheduled-but-not-yet-live pieces are absent.
import { getPrisma } from "../db/prisma";

const FEED_SIZE = 50;

export async function buildJsonFeed(origin: string, now = new Date()) {
  const rows = await getPrisma().publication.findMany({
    where: { publishAt: { lte: now } },
    orderBy: [{ publishAt: "desc" }],
    take: 500,
    include: { document: { select: { unpublishedAt: true } } },
  });
  // Newest visible version per document, dropped when unpublished after it.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const current = latest.get(row.documentId);
    if (!current || row.version > current.version) latest.set(row.documentId, row);
  }
  const firstPublished = new Map<string, Date>();
  for (const row of rows) {
    const seen = firstPublished.get(row.documentId);
    if (!seen || row.publishAt < seen) firstPublished.set(row.documentId, row.publishAt);
  }
  const items = [...latest.values()]
    .filter((row) => !(row.document.unpublishedAt && row.document.unpublishedAt > row.createdAt))
    .sort((a, b) => b.publishAt.getTime() - a.publishAt.getTime())
    .slice(0, FEED_SIZE)
    .map((row) => ({
      id: `${origin}/p/${row.slug}`,
      url: `${origin}/p/${row.slug}`,
      title: row.headline,
      ...(row.dek ? { summary: row.dek } : {}),
      content_html: row.html,
      date_published: firstPublished.get(row.documentId)!.toISOString(),
      date_modified: row.publishAt.toISOString(),
      authors: [{ name: row.bylineName }],
      ...(row.tags.length ? { tags: row.tags } : {}),
    }));
  return { version: "https://jsonfeed.org/version/1.1", title: "Newsroom", home_page_url: `${origin}/`, feed_url: `${origin}/feed.json`, items };
}
