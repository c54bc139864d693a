import { withSessionUser } from "@/server/api/routeHandler";
import { uploadMediaResponse } from "@/server/media/mediaResponse";

export const dynamic = "force-dynamic";

export const POST = withSessionUser<{ id: string }>(({ request, user, params }) => uploadMediaResponse(user, params.id, request));
