// GET /api/metrics: the registry in Prometheus' text format, for whoever holds
// METRICS_TOKEN (a scraper), sent as `Authorization: Bearer <token>`. Without
// METRICS_TOKEN the route does not exist (404); a missing or wrong token is
// 401. Compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import { getMetrics } from "./metrics";

const digest = (value: string) => createHash("sha256").update(value).digest();

export async function metricsResponse(request: Request, token: string | undefined = process.env.METRICS_TOKEN): Promise<Response> {
  if (!token) return Response.json({ error: "Not found" }, { status: 404 });
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  // Hashes of equal length, so the comparison says nothing about the token's length either.
  if (!timingSafeEqual(digest(presented), digest(token))) {
    return Response.json({ error: "A valid metrics token is required" }, { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { status: 200, headers: { "content-type": registry.contentType } });
}
