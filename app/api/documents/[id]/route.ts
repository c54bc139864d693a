import { NextResponse } from "next/server";
import { documentIdParam, updateDocumentBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { presentUsers } from "@/server/collab/presenceRegistry";
import { getDocumentOrThrow, updateDocument } from "@/server/documents/documents";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const id = parseParam(documentIdParam, params.id, "Document not found");
  const document = await getDocumentOrThrow(user, id);
  return NextResponse.json({ ...document, editingNow: presentUsers(id) });
});

export const PATCH = withSessionUser<{ id: string }>(async ({ request, user, params }) => {
  const id = parseParam(documentIdParam, params.id, "Document not found");
  const body = await readJsonBody(request, updateDocumentBody);
  return NextResponse.json(await updateDocument(user, id, body));
});
