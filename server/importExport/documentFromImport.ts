// Imported text → the title and content of a new document, or a 422 saying
// why not. Pure: nothing is stored here.
import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { withoutEmptyBlockSuggestions } from "../../lib/editor/suggestions/blockSuggestion";
import type { ImportFormat } from "../../lib/importExport";
import { AppError } from "../errors";
import { cleanImportedDoc } from "./cleanImportedDoc";
import { type ImportedFigures, type ImportedImages, resolveImportedFigures } from "./importedImages";
import { chooseImportTitle } from "./importTitle";
import { parseHtml } from "./parseHtml";
import { parseMarkdown } from "./parseMarkdown";
import { parseText } from "./parseText";

export type ImportSource = {
  format: ImportFormat;
  /** Already decoded and normalized (decodeImportText / normalizeImportText). */
  text: string;
  title?: string | undefined;
  fileName?: string | undefined;
};

const PARSERS: Record<ImportFormat, (text: string, images: ImportedImages) => ProseMirrorNode> = {
  markdown: parseMarkdown,
  html: parseHtml,
  text: parseText,
};

export type DocumentFromImport = { title: string; content: JSONContent; figures: ImportedFigures };

export function documentFromImport(source: ImportSource): DocumentFromImport {
  const images: ImportedImages = new Map();
  const { doc: parsed, figures } = resolveImportedFigures(PARSERS[source.format](source.text, images), images);
  if (!hasContent(parsed)) {
    throw new AppError("unprocessable", "Nothing in this file can be kept as document text (no paragraphs, headings or lists were found)");
  }
  const { title, body } = chooseImportTitle(parsed, source);
  return { title, content: withoutEmptyBlockSuggestions(cleanImportedDoc(body).toJSON() as JSONContent), figures };
}

/** Some visible text, or at least a horizontal rule: whitespace alone (or only dropped elements) is not a document. */
function hasContent(doc: ProseMirrorNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if ((node.isText && node.text!.trim() !== "") || node.type.name === "horizontalRule" || node.type.name === "figure") found = true;
    return !found;
  });
  return found;
}
