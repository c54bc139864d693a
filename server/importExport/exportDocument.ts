// A document as a downloadable file: Markdown, standalone HTML or Tiptap JSON.
// Anyone who can read the document may export it; the content is the current
// one (including edits still in the room's write-behind window) as it stands
// before pending suggestions.
import type { JSONContent } from "@tiptap/core";
import { withoutEmptyBlockSuggestions } from "../../lib/editor/suggestions/blockSuggestion";
import type { ExportFormat } from "../../lib/importExport";
import { slugify } from "../../lib/workflow/slug";
import { getPrisma } from "../db/prisma";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { documentJSONFromYDoc, documentSchema } from "../documents/documentState";
import type { Actor } from "../policies";
import { toHtmlDocument } from "./toHtmlDocument";
import { toMarkdown } from "./toMarkdown";
import { withoutSuggestions } from "./withoutSuggestions";

export type ExportedFile = { body: string; contentType: string; fileName: string };

const FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  markdown: { extension: "md", contentType: "text/markdown; charset=utf-8" },
  html: { extension: "html", contentType: "text/html; charset=utf-8" },
  json: { extension: "json", contentType: "application/json; charset=utf-8" },
};

export async function exportDocument(actor: Actor, documentId: string, format: ExportFormat): Promise<ExportedFile> {
  await getDocumentRoleOrThrow(actor, documentId);
  const { title } = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { title: true } });
  const ydoc = await loadCurrentDocument(documentId);
  const doc = withoutSuggestions(documentSchema().nodeFromJSON(documentJSONFromYDoc(ydoc)));
  ydoc.destroy();

  const { extension, contentType } = FILE_TYPES[format];
  const content = withoutEmptyBlockSuggestions(doc.toJSON() as JSONContent);
  const body =
    format === "markdown"
      ? toMarkdown(doc, title)
      : format === "html"
        ? toHtmlDocument(title, content)
        : `${JSON.stringify({ title, format: "tiptap", content }, null, 2)}\n`;
  return { body, contentType, fileName: `${slugify(title) || "document"}.${extension}` };
}
