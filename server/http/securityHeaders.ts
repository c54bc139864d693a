// Security headers on every response, set by the custom server before Next.js
// (or the sync server) sees the request, so no route can forget them:
// - app pages: a Content-Security-Policy whose scripts need this response's
//   nonce (Next.js reads the nonce from the request's CSP header and puts it
//   on its own scripts), and frame-ancestors 'none' (no clickjacking);
// - the readers' side (/p, /p/…, /feed.xml, /feed.json) has no JavaScript at all: script-src 'none';
// - /api/*: Cache-Control: no-store (no shared or browser cache keeps a
//   signed-in person's data);
// - everywhere: Permissions-Policy (no camera, microphone, location…),
//   nosniff, a referrer policy, and HSTS when the public URL is https.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export type SecurityHeaderOptions = {
  /** Whether the site is served over https (NEXTAUTH_URL starts with https://): HSTS. */
  https: boolean;
  /** Development: React's dev build evaluates code (script-src needs 'unsafe-eval'). */
  dev: boolean;
};

const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()";

export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse, options: SecurityHeaderOptions): void {
  const path = (request.url ?? "/").split("?")[0]!;
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  if (options.https) response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

  if (path.startsWith("/api/")) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    return;
  }
  if (isPublicReaderPath(path)) {
    response.setHeader("Content-Security-Policy", publishedArticlePolicy());
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  const policy = appPagePolicy(nonce, options.dev);
  // Next.js takes the nonce for its scripts from the request's policy.
  request.headers["content-security-policy"] = policy;
  response.setHeader("Content-Security-Policy", policy);
}

/** The readers' side: the front page, articles and feeds. No JavaScript at all there. */
export function isPublicReaderPath(path: string): boolean {
  return path === "/p" || path.startsWith("/p/") || path === "/feed.xml" || path === "/feed.json";
}

export function appPagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) run; no other script does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (carets, the editor's layout) need 'unsafe-inline'; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The document socket (/collab) is same-origin; 'self' covers ws:/wss: on this host.
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function publishedArticlePolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' https: data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
