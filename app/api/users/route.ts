import { NextResponse } from "next/server";
import { withSessionUser } from "@/server/api/routeHandler";
import { listNewsroomUsers } from "@/server/users/listUsers";

export const dynamic = "force-dynamic";

export const GET = withSessionUser(async ({ user }) => NextResponse.json({ users: await listNewsroomUsers(user) }));
