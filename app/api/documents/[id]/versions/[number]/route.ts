import { NextResponse } from "next/server";
import { documentIdParam, versionNumberParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { getVersionOrThrow } from "@/server/history/versions";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string; number: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const number = parseParam(versionNumberParam, params.number, "Version not found");
  return NextResponse.json(await getVersionOrThrow(user, documentId, number));
});
