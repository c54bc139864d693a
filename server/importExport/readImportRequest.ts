// Reads POST /api/documents/import in either form — multipart/form-data with
// a `file` (and optional `title`), or JSON { title?, format, content } — into
// an ImportSource, refusing oversized, unsupported and malformed requests.
import { documentTitle, importDocumentBody } from "../../lib/apiSchemas";
import { IMPORT_FILE_ACCEPT, importFormatOfFile } from "../../lib/importExport";
import { MAX_IMPORT_BYTES, MAX_IMPORT_REQUEST_BYTES, MAX_IMPORT_SIZE_LABEL } from "../../lib/limits";
import { readBodyBytes } from "../api/readBodyBytes";
import { readJsonBody } from "../api/readJsonBody";
import { AppError } from "../errors";
import { decodeImportText, normalizeImportText } from "./decodeImportText";
import type { ImportSource } from "./documentFromImport";

const TOO_LARGE = `The import is larger than the ${MAX_IMPORT_SIZE_LABEL} limit`;

export async function readImportRequest(request: Request): Promise<ImportSource> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType === "multipart/form-data") return readMultipartImport(request, contentType);
  if (mediaType === "application/json") return readJsonImport(request);
  throw new AppError("unsupported_media_type", "Send multipart/form-data with a file field, or JSON { title, format, content }");
}

async function readJsonImport(request: Request): Promise<ImportSource> {
  const body = await readJsonBody(request, importDocumentBody, MAX_IMPORT_REQUEST_BYTES);
  if (Buffer.byteLength(body.content, "utf8") > MAX_IMPORT_BYTES) throw new AppError("payload_too_large", TOO_LARGE);
  return { format: body.format, text: normalizeImportText(body.content), title: body.title };
}

async function readMultipartImport(request: Request, contentType: string): Promise<ImportSource> {
  // Bounded first: request.formData() would buffer any size. The bytes are
  // then parsed by the platform's multipart parser, with the original
  // Content-Type (its boundary is case-sensitive).
  const bytes = await readBodyBytes(request, MAX_IMPORT_REQUEST_BYTES, TOO_LARGE);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload is not valid multipart/form-data");
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") throw new AppError("unprocessable", 'Attach the file in a form field named "file"');
  if (file.size > MAX_IMPORT_BYTES) throw new AppError("payload_too_large", TOO_LARGE);
  const format = importFormatOfFile(file.name, file.type);
  if (!format) throw new AppError("unsupported_media_type", `Import a Markdown, HTML or plain text file (${IMPORT_FILE_ACCEPT.replaceAll(",", ", ")})`);
  const titleField = form.get("title");
  const title = typeof titleField === "string" && titleField.trim() !== "" ? documentTitle.parse(titleField) : undefined;
  return { format, text: decodeImportText(new Uint8Array(await file.arrayBuffer())), title, fileName: file.name };
}
