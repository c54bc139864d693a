import { documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { exportResponse } from "@/server/importExport/exportResponse";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ request, user, params }) => {
  const id = parseParam(documentIdParam, params.id, "Document not found");
  return exportResponse(user, id, new URL(request.url).searchParams.get("format"));
});
