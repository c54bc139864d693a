// POST /api/documents/import: authorize (before reading the body), read and
// bound the upload, create the document. Answers 201 { id } with its location.
import type { Actor } from "../policies";
import { authorizeImport, importDocument } from "./importDocument";
import { readImportRequest } from "./readImportRequest";

export async function importResponse(actor: Actor, request: Request): Promise<Response> {
  authorizeImport(actor);
  const source = await readImportRequest(request);
  const { id } = await importDocument(actor, source);
  return Response.json({ id }, { status: 201, headers: { location: `/api/documents/${id}` } });
}
