import { NextResponse } from "next/server";
import { createThreadBody, documentIdParam } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { createThread, listThreads } from "@/server/review/threads";

export const dynamic = "force-dynamic";

export const GET = withSessionUser<{ id: string }>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  return NextResponse.json({ threads: await listThreads(user, documentId) });
});

export const POST = withSessionUser<{ id: string }>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const body = await readJsonBody(request, createThreadBody);
  return NextResponse.json(await createThread(user, documentId, body), { status: 201 });
});
