import { NextResponse } from "next/server";
import { documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { listDocumentAudit } from "@/server/workflow/audit";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  return NextResponse.json({ events: await listDocumentAudit(user, documentId) });
});
