// GET /api/documents/:id/export?format=markdown|html|json: validate the
// format (422), export (404 without read access), answer as a download.
import { exportFormat } from "../../lib/apiSchemas";
import type { Actor } from "../policies";
import { exportDocument } from "./exportDocument";

export async function exportResponse(actor: Actor, documentId: string, format: string | null): Promise<Response> {
  const file = await exportDocument(actor, documentId, exportFormat.parse(format ?? undefined));
  return new Response(file.body, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      // The slug is [a-z0-9-] only, so the quoted file name needs no escaping.
      "content-disposition": `attachment; filename="${file.fileName}"`,
      // Private, and current: never served from a cache.
      "cache-control": "private, no-store",
      // Should the HTML ever be opened in place, it can run nothing.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
