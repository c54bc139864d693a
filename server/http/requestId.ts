// Every HTTP request gets an id of ours: sent back as X-Request-Id, passed to
// Next's route handlers in the same header (their log lines carry it), and on
// the access log line written when the response ends. A client's own
// X-Request-Id is replaced: log lines must not carry what a client chose.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { getLogger } from "../log";

export function stampRequestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const requestId = randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  const startedAt = performance.now();
  res.once("finish", () => {
    // An access log at debug (LOG_LEVEL=debug); server errors always.
    const level = res.statusCode >= 500 ? "error" : "debug";
    getLogger()[level](
      { component: "http", requestId, method: req.method, path: pathOf(req.url), status: res.statusCode, ms: Math.round(performance.now() - startedAt) },
      "request",
    );
  });
  return requestId;
}

/** The path without its query string (which may carry anything a client typed). */
export function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0]!;
}
