import { NextResponse } from "next/server";
import { markNotificationsReadBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { withSessionUser } from "@/server/api/routeHandler";
import { markNotificationsRead } from "@/server/review/notifications";

export const dynamic = "force-dynamic";

export const POST = withSessionUser(async ({ request, user }) => {
  const { ids } = await readJsonBody(request, markNotificationsReadBody);
  return NextResponse.json({ marked: await markNotificationsRead(user, ids) });
});
