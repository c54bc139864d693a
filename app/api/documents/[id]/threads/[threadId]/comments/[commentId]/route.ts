import { NextResponse } from "next/server";
import { documentIdParam, editCommentBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { deleteComment, editComment } from "@/server/review/threads";

export const dynamic = "force-dynamic";

type Params = { id: string; threadId: string; commentId: string };

function ids(params: Params) {
  return [
    parseParam(documentIdParam, params.id, "Document not found"),
    parseParam(documentIdParam, params.threadId, "Thread not found"),
    parseParam(documentIdParam, params.commentId, "Comment not found"),
  ] as const;
}

export const PATCH = withSessionUser<Params>(async ({ request, user, params }) => {
  const [documentId, threadId, commentId] = ids(params);
  const { body } = await readJsonBody(request, editCommentBody);
  return NextResponse.json(await editComment(user, documentId, threadId, commentId, body));
});

export const DELETE = withSessionUser<Params>(async ({ user, params }) => {
  const [documentId, threadId, commentId] = ids(params);
  const thread = await deleteComment(user, documentId, threadId, commentId);
  return NextResponse.json({ thread });
});
