// Imported text → the title and content of a new document, or a 422 saying
// why not. Pure: nothing is stored here.
import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { withoutEmptyBlockSuggestions } from "../../lib/editor/suggestions/blockSuggestion";
import type { ImportFormat } from "../../lib/importExport";
import { AppError } from "../errors";
import { cleanImportedDoc } from "./cleanImportedDoc";
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

const PARSERS: Record<ImportFormat, (text: string) => ProseMirrorNode> = {
  markdown: parseMarkdown,
  html: parseHtml,
  text: parseText,
};

export function documentFromImport(source: ImportSource): { title: string; content: JSONContent } {
  const parsed = PARSERS[source.format](source.text);
  if (!hasContent(parsed)) {
    throw new AppError("unprocessable", "Nothing in this file can be kept as document text (no paragraphs, headings or lists were found)");
  }
  const { title, body } = chooseImportTitle(parsed, source);
  return { title, content: withoutEmptyBlockSuggestions(cleanImportedDoc(body).toJSON() as JSONContent) };
}

/** Some visible text, or at least a horizontal rule: whitespace alone (or only dropped elements) is not a document. */
function hasContent(doc: ProseMirrorNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if ((node.isText && node.text!.trim() !== "") || node.type.name === "horizontalRule") found = true;
    return !found;
  });
  return found;
}
