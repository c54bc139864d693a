// The HTTP answer for a public article URL: 200 page, 404 (not yet / never
// published), 410 (unpublished). Plain server-rendered HTML; caches revalidate
// every 200 and never keep a 404 or 410 (publicCaching.ts).
import { NEVER_STORE, revalidatedResponse } from "./publicCaching";
import { findPublicArticle } from "./publicArticle";
import { renderArticlePage } from "./renderArticlePage";

const notice = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font:1.1rem/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><p>${text}</p></body></html>`;

export async function articleResponse(request: Request, slug: string, version?: number): Promise<Response> {
  const found = await findPublicArticle(slug, version);
  const headers = { "content-type": "text/html; charset=utf-8", "x-robots-tag": found.kind === "ok" ? "all" : "noindex" };
  const uncached = { ...headers, "cache-control": NEVER_STORE };
  if (found.kind === "gone") return new Response(notice("No longer available", "This article has been unpublished by the newsroom."), { status: 410, headers: uncached });
  if (found.kind === "not_found") return new Response(notice("Not found", "There is no published article at this address."), { status: 404, headers: uncached });
  const origin = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  return revalidatedResponse(request, renderArticlePage(found.publication, found.history, origin.replace(/\/$/, "")), headers);
}
