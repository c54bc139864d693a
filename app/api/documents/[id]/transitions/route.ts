import { NextResponse } from "next/server";
import { documentIdParam, transitionBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { transitionDocument } from "@/server/workflow/transitionDocument";

export const dynamic = "force-dynamic";

export const POST = withSessionUser<{ id: string }>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const body = await readJsonBody(request, transitionBody);
  return NextResponse.json(await transitionDocument(user, documentId, body));
});
