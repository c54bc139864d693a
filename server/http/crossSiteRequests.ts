// Refuses state-changing API requests that another site's page made. SameSite
// cookies stop most of them, but a plain HTML form can still POST multipart
// or form-encoded bodies (an import, a restore) with the reader's cookie in
// some configurations. Browsers say where a request came from: `Origin` on
// every POST/PUT/PATCH/DELETE, and `Sec-Fetch-Site`. A request whose Origin is
// not this site (its Host or NEXTAUTH_URL), or that the browser marks as
// cross-site, is answered 403 — the same rule the websocket applies (A2).
// Requests without either header are not from a browser page (curl, server
// tools) and carry no ambient cookie risk.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isSameOrigin } from "../collab/extensions/AuthenticationExtension";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(request: IncomingMessage): boolean {
  if (SAFE_METHODS.has(request.method ?? "GET")) return false;
  if (request.headers.origin !== undefined) return request.headers.origin === "null" || !isSameOrigin(request);
  const site = request.headers["sec-fetch-site"];
  return site !== undefined && site !== "same-origin" && site !== "none";
}

/** Answers 403 and returns true when the request is a cross-site write to the API. */
export function refuseCrossSiteWrite(request: IncomingMessage, response: ServerResponse): boolean {
  if (!(request.url ?? "").startsWith("/api/") || !isCrossSiteWrite(request)) return false;
  response.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error: "Cross-site request refused" }));
  return true;
}
