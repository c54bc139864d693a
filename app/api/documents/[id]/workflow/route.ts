import { NextResponse } from "next/server";
import { documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { getWorkflowState } from "@/server/workflow/getWorkflowState";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  return NextResponse.json(await getWorkflowState(user, documentId));
});
