// Caching rules for public pages (articles, feeds). A change of state — an
// unpublish for a legal takedown, an embargo lifting — must reach every reader
// on their next request, so nothing public is served from a cache without
// asking us: 200s carry an ETag and `no-cache` (a cache, browser or CDN, keeps
// the copy but revalidates it each time, and we answer 304 while it is still
// current); 404 and 410 are `no-store`, so "not yet" and "withdrawn" are never
// remembered past the moment they stop being true.
import { createHash } from "node:crypto";

export const REVALIDATE = "public, no-cache";
export const NEVER_STORE = "no-store";

/** A strong validator of exactly these bytes. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match matches (RFC 9110 §13.1.2: weak comparison, lists, `*`). */
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** A 200 that caches may keep but must revalidate; 304 when the client's copy is current. */
export function revalidatedResponse(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = etagOf(body);
  const common = { ...headers, "cache-control": REVALIDATE, etag };
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: common });
}
