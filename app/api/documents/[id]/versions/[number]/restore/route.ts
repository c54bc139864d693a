import { NextResponse } from "next/server";
import { documentIdParam, versionNumberParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { restoreVersion } from "@/server/history/restoreVersion";

export const dynamic = "force-dynamic";

/** Restores a version as a new edit on top of the current text; answers with the version that records it. */
export const POST = withSessionUser<{ id: string; number: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const number = parseParam(versionNumberParam, params.number, "Version not found");
  return NextResponse.json(await restoreVersion(user, documentId, number), { status: 201 });
});
