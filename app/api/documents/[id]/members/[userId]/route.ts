import { NextResponse } from "next/server";
import { documentIdParam, setMemberBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { parseParam, withSessionUser } from "@/server/api/routeHandler";
import { removeMember, setMemberRole } from "@/server/documents/members";

export const dynamic = "force-dynamic";

type Params = { id: string; userId: string };

export const PUT = withSessionUser<Params>(async ({ request, user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const userId = parseParam(documentIdParam, params.userId, "No such user");
  const { role } = await readJsonBody(request, setMemberBody);
  return NextResponse.json({ members: await setMemberRole(user, documentId, userId, role) });
});

export const DELETE = withSessionUser<Params>(async ({ user, params }) => {
  const documentId = parseParam(documentIdParam, params.id, "Document not found");
  const userId = parseParam(documentIdParam, params.userId, "No such user");
  return NextResponse.json({ members: await removeMember(user, documentId, userId) });
});
