import { withSessionUser } from "@/server/api/routeHandler";
import { importResponse } from "@/server/importExport/importResponse";

export const dynamic = "force-dynamic";

export const POST = withSessionUser(({ request, user }) => importResponse(user, request));
