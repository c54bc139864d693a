import { NextResponse } from "next/server";
import { newsroomAuditQuery } from "@/lib/apiSchemas";
import { withSessionUser } from "@/server/api/routeHandler";
import { listNewsroomAudit } from "@/server/workflow/audit";

export const dynamic = "force-dynamic";

/** The newsroom-wide audit log: `?before=<eventId|ISO time>&limit=1..200&action=&documentId=` (newsroom editors). */
export const GET = withSessionUser(async ({ request, user }) => {
  const query = newsroomAuditQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listNewsroomAudit(user, query));
});
