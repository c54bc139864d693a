// The HTTP answer for a public article URL: 200 page, 404 (not yet / never
// published), 410 (unpublished). Plain server-rendered HTML, cacheable briefly.
import { findPublicArticle } from "./publicArticle";
import { renderArticlePage } from "./renderArticlePage";

const notice = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font:1.1rem/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><p>${text}</p></body></html>`;

export async function articleResponse(request: Request, slug: string, version?: number): Promise<Response> {
  const found = await findPublicArticle(slug, version);
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=30", "x-robots-tag": found.kind === "ok" ? "all" : "noindex" };
  if (found.kind === "gone") return new Response(notice("No longer available", "This article has been unpublished by the newsroom."), { status: 410, headers });
  if (found.kind === "not_found") return new Response(notice("Not found", "There is no published article at this address."), { status: 404, headers });
  const origin = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  return new Response(renderArticlePage(found.publication, found.history, origin.replace(/\/$/, "")), { status: 200, headers });
}
