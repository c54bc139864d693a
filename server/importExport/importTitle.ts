// Naming an imported document: the title given, else the content's first
// heading, else the file name. A level-1 heading that opens the content is the
// document's title (h1 is the title's level; the body uses levels 2 and 3, and
// exports write the title back as that h1), so it moves out of the body.
import { Fragment, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { fileNameStem } from "../../lib/importExport";
import { MAX_TITLE_LENGTH } from "../../lib/limits";

const FALLBACK_IMPORT_TITLE = "Imported document";

export function chooseImportTitle(doc: ProseMirrorNode, options: { title?: string | undefined; fileName?: string | undefined }): { title: string; body: ProseMirrorNode } {
  if (options.title) return { title: options.title, body: doc };
  const leading = leadingTitle(doc);
  if (leading) return leading;
  const title = firstHeadingText(doc) ?? titleText(fileNameStem(options.fileName ?? "")) ?? FALLBACK_IMPORT_TITLE;
  return { title, body: doc };
}

function leadingTitle(doc: ProseMirrorNode): { title: string; body: ProseMirrorNode } | null {
  const first = doc.firstChild;
  if (!first || first.type.name !== "heading" || first.attrs.level !== 1) return null;
  const title = titleText(first.textContent);
  // Too long to be a title without cutting it: keep it as body text.
  if (!title || title !== collapse(first.textContent)) return null;
  const rest = doc.content.cut(first.nodeSize);
  // A document is at least one block: a file holding only its title gets an empty paragraph.
  const body = doc.type.create(doc.attrs, rest.childCount > 0 ? rest : Fragment.from(doc.type.schema.nodes.paragraph!.create()));
  return { title, body };
}

function firstHeadingText(doc: ProseMirrorNode): string | null {
  let found: string | null = null;
  doc.descendants((node) => {
    if (found !== null) return false;
    if (node.type.name === "heading") {
      found = titleText(node.textContent);
      return false;
    }
    return true;
  });
  return found;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Whitespace collapsed, cut to the title limit; null when nothing is left. */
function titleText(text: string): string | null {
  const title = collapse(text).slice(0, MAX_TITLE_LENGTH).trim();
  return title === "" ? null : title;
}
