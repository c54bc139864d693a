import { NextResponse } from "next/server";
import { getPrisma } from "@/server/db/prisma";

export const dynamic = "force-dynamic";

// 200 only when the database answers: load balancers take a node out otherwise.
export async function GET() {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok" });
  } catch {
    return NextResponse.json({ status: "unavailable", error: "Database unreachable" }, { status: 503 });
  }
}
