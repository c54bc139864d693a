import { NextResponse } from "next/server";
import { syncBridge } from "@/server/collab/syncBridge";
import { getPrisma } from "@/server/db/prisma";

export const dynamic = "force-dynamic";

// 200 only when this node can serve: PostgreSQL answers and, with several
// nodes (REDIS_URL), the link to Redis is up. Load balancers take a node out
// otherwise; the body says why.
export async function GET() {
  const cluster = syncBridge()?.health() ?? { mode: "single" as const };
  const node = cluster.mode === "cluster" ? { mode: "cluster", nodeId: cluster.nodeId, otherNodes: cluster.otherNodes } : { mode: "single" };
  try {
    await getPrisma().$queryRaw`SELECT 1`;
  } catch {
    return NextResponse.json({ status: "unavailable", error: "Database unreachable", ...node }, { status: 503 });
  }
  if (cluster.mode === "cluster" && cluster.redis !== "connected") {
    return NextResponse.json({ status: "unavailable", error: "Redis unreachable", ...node }, { status: 503 });
  }
  return NextResponse.json({ status: "ok", ...node });
}
