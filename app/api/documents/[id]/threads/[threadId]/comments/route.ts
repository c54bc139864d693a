import { NextResponse } from "next/server";
import { createCommentBody, documentIdParam } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { replyToThread } from "@/server/review/threads";

export const dynamic = "force-dynamic";

export const POST = withSessionUser<{ id: string; threadId: string }>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const threadId = parseParam(documentIdParam, params.threadId, "Thread not found");
  const { body } = await readJsonBody(request, createCommentBody);
  return NextResponse.json(await replyToThread(user, documentId, threadId, body), { status: 201 });
});
