import { metricsResponse } from "@/server/metrics/metricsResponse";

export const dynamic = "force-dynamic";

/** Prometheus metrics, for the bearer of METRICS_TOKEN (no session: a scraper has none). */
export const GET = (request: Request) => metricsResponse(request);
