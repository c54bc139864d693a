import { NextResponse } from "next/server";
import { createDocumentBody } from "@/lib/apiSchemas";
import { readJsonBody } from "@/server/api/readJsonBody";
import { withSessionUser } from "@/server/api/routeHandler";
import { presentUsers } from "@/server/collab/presenceRegistry";
import { createDocument, listDocuments } from "@/server/documents/documents";

export const dynamic = "force-dynamic";

export const GET = withSessionUser(async ({ user }) => {
  const documents = await listDocuments(user);
  return NextResponse.json({
    documents: documents.map((document) => ({ ...document, editingNow: presentUsers(document.id) })),
  });
});

export const POST = withSessionUser(async ({ request, user }) => {
  const body = await readJsonBody(request, createDocumentBody);
  const document = await createDocument(user, body);
  return NextResponse.json(document, { status: 201, headers: { location: `/api/documents/${document.id}` } });
});
