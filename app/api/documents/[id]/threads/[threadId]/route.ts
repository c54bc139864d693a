import { NextResponse } from "next/server";
import { documentIdParam, updateThreadBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { updateThread } from "@/server/review/threads";

export const dynamic = "force-dynamic";

export const PATCH = withSessionUser<{ id: string; threadId: string }>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const threadId = parseParam(documentIdParam, params.threadId, "Thread not found");
  const body = await readJsonBody(request, updateThreadBody);
  return NextResponse.json(await updateThread(user, documentId, threadId, body));
});
