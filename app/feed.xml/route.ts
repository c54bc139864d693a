import { publicOrigin } from "@/server/publishing/articleResponse";
import { revalidatedResponse } from "@/server/publishing/publicCaching";
import { buildRssFeed } from "@/server/publishing/rssFeed";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // Revalidated like the pages and /feed.json, so an unpublished piece leaves the feed at once.
  return revalidatedResponse(request, await buildRssFeed(publicOrigin(request)), { "content-type": "application/rss+xml; charset=utf-8" });
}
