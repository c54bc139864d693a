import { NextResponse } from "next/server";
import { documentIdParam } from "@/lib/apiSchemas";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { listBlockAuthorship } from "@/server/history/blockAuthorship";

export const dynamic = "force-dynamic";

/** The current text block by block, with who wrote each (from the update log). */
export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  return NextResponse.json({ blocks: await listBlockAuthorship(user, documentId) });
});
