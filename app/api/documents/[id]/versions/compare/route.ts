import { NextResponse } from "next/server";
import { compareVersionsQuery, documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { compareVersions } from "@/server/history/compareVersions";

export const dynamic = "force-dynamic";

/** ?from=<number|current>&to=<number|current> (to defaults to current). */
export const GET = withSessionUser<{ id: string }>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const query = new URL(request.url).searchParams;
  const { from, to } = compareVersionsQuery.parse({ from: query.get("from") ?? undefined, to: query.get("to") ?? undefined });
  return NextResponse.json(await compareVersions(user, documentId, from, to));
});
