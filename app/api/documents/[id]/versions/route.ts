import { NextResponse } from "next/server";
import { documentIdParam, nameVersionBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { listVersions, nameCurrentVersion } from "@/server/history/versions";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  return NextResponse.json({ versions: await listVersions(user, documentId) });
});

/** Names the current text as a version ("Sent to legal"). */
export const POST = withSessionUser<{ id: string }>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const { name } = await readJsonBody(request, nameVersionBody);
  return NextResponse.json(await nameCurrentVersion(user, documentId, name), { status: 201 });
});
