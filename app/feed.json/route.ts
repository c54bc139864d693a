import { buildJsonFeed } from "@/server/publishing/feed";
import { revalidatedResponse } from "@/server/publishing/publicCaching";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const origin = (process.env.NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/$/, "");
  // Readers' apps poll feeds: revalidated like the pages, so an unpublished piece leaves the feed at once.
  return revalidatedResponse(request, JSON.stringify(await buildJsonFeed(origin)), { "content-type": "application/feed+json; charset=utf-8" });
}
