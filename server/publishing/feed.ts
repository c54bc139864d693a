// JSON Feed 1.1 of published pieces: each live article's current version,
// newest first. Unpublished and scheduled-but-not-yet-live pieces are absent.
import { newsroomName } from "../newsroomName";
import { listLivePublications } from "./livePublications";
import { FRONT_PAGE_PATH } from "./publicPage";

export const FEED_SIZE = 50;

export async function buildJsonFeed(origin: string, now = new Date()) {
  const items = (await listLivePublications({ limit: FEED_SIZE, now })).map((row) => ({
    id: `${origin}/p/${row.slug}`,
    url: `${origin}/p/${row.slug}`,
    title: row.headline,
    ...(row.dek ? { summary: row.dek } : {}),
    content_html: row.html,
    date_published: row.firstPublishedAt.toISOString(),
    date_modified: row.publishAt.toISOString(),
    authors: [{ name: row.bylineName }],
    ...(row.tags.length ? { tags: row.tags } : {}),
  }));
  return { version: "https://jsonfeed.org/version/1.1", title: newsroomName(), home_page_url: `${origin}${FRONT_PAGE_PATH}`, feed_url: `${origin}/feed.json`, items };
}
