import { NextResponse } from "next/server";
import { withSessionUser } from "@/server/api/routeHandler";
import { listNotifications } from "@/server/review/notifications";

export const dynamic = "force-dynamic";

export const GET = withSessionUser(async ({ user }) => NextResponse.json({ notifications: await listNotifications(user) }));
