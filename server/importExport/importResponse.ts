// POST /api/documents/import: authorize (before reading the body), read and
// bound the upload, create the document. Answers 201 { id, notes } with its
// location; `notes` says what of the file was not kept as it was (images on
// other websites, images that could not be read).
import type { Actor } from "../policies";
import { authorizeImport, importDocument } from "./importDocument";
import { readImportRequest } from "./readImportRequest";

export async function importResponse(actor: Actor, request: Request): Promise<Response> {
  authorizeImport(actor);
  const source = await readImportRequest(request);
  const { id, notes } = await importDocument(actor, source);
  return Response.json({ id, notes }, { status: 201, headers: { location: `/api/documents/${id}` } });
}
