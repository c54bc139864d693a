import { buildJsonFeed } from "@/server/publishing/feed";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const origin = (process.env.NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/$/, "");
  return new Response(JSON.stringify(await buildJsonFeed(origin)), {
    headers: { "content-type": "application/feed+json; charset=utf-8", "cache-control": "public, max-age=60" },
  });
}
