import { publicOrigin } from "@/server/publishing/articleResponse";
import { buildJsonFeed } from "@/server/publishing/feed";
import { revalidatedResponse } from "@/server/publishing/publicCaching";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // Readers' apps poll feeds: revalidated like the pages, so an unpublished piece leaves the feed at once.
  return revalidatedResponse(request, JSON.stringify(await buildJsonFeed(publicOrigin(request))), { "content-type": "application/feed+json; charset=utf-8" });
}
