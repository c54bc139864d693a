// The HTTP answer for a public article URL: 200 page, 404 (not yet / never
// published), 410 (unpublished). Plain server-rendered HTML; caches revalidate
// every 200 and never keep a 404 or 410 (publicCaching.ts).
import { NEVER_STORE, revalidatedResponse } from "./publicCaching";
import { findPublicArticle } from "./publicArticle";
import { renderArticlePage } from "./renderArticlePage";
import { renderNotFoundPage, renderWithdrawnPage } from "./statusPages";

export const HTML = "text/html; charset=utf-8";

export async function articleResponse(request: Request, slug: string, version?: number): Promise<Response> {
  const found = await findPublicArticle(slug, version);
  const headers = { "content-type": HTML, "x-robots-tag": found.kind === "ok" ? "all" : "noindex" };
  const uncached = { ...headers, "cache-control": NEVER_STORE };
  if (found.kind === "gone") return new Response(renderWithdrawnPage(found), { status: 410, headers: uncached });
  if (found.kind === "not_found") return new Response(renderNotFoundPage(), { status: 404, headers: uncached });
  return revalidatedResponse(request, renderArticlePage(found.publication, found.history, publicOrigin(request)), headers);
}

/** The public URL readers use (NEXTAUTH_URL), else this request's origin. */
export function publicOrigin(request: Request): string {
  return (process.env.NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
