// The last gate between a parser and storage: whatever a parser let through,
// the stored document holds only what the editor itself could have produced.
// - suggestion marks and block suggestions go (keeping their text): an import
//   must not forge a colleague's pending suggestion;
// - links keep only absolute http(s) and mailto targets (the text stays);
// - headings fit the schema's levels (2 and 3), attributes their expected shape;
// - tables are made rectangular (a row short of cells gets empty ones), as the
//   editor would on opening them — which would otherwise be an edit by
//   whoever opened the imported document first;
// - the result is checked against the schema.
import { Fragment, type Mark, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { fixTables } from "@tiptap/pm/tables";
import { FIGURE, figureAttrs } from "../../lib/editor/Figure";
import { RELATED_CARD, relatedCardAttrs } from "../../lib/editor/RelatedCard";
import { BLOCK_SUGGESTION } from "../../lib/editor/suggestions/blockSuggestion";
import { isSuggestionMark } from "../../lib/editor/suggestions/marks";
import { AppError } from "../errors";

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
const MAX_HREF_LENGTH = 2048;
const HEADING_LEVELS = { min: 2, max: 3 } as const;

export function cleanImportedDoc(doc: ProseMirrorNode): ProseMirrorNode {
  const cleaned = rectangularTables(cleanNode(doc));
  try {
    cleaned.check();
  } catch {
    throw new AppError("unprocessable", "The content does not fit the editor's document structure");
  }
  return cleaned;
}

function cleanNode(node: ProseMirrorNode): ProseMirrorNode {
  if (node.isText) return node.mark(cleanMarks(node.marks));
  if (node.type.name === RELATED_CARD) return cleanCard(node);
  // Figures come from resolveImportedFigures, which kept only images it can
  // store or that are stored; their values are made safe here.
  if (node.type.name === FIGURE) return figureAttrs(node).hash ? node.type.create(figureAttrs(node)) : figureAsText(node);
  let children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(cleanNode(child)));
  if (CONTAINERS_WITHOUT_EMPTY_PARAGRAPHS.has(node.type.name)) children = withoutEmptyParagraphs(children);
  // fromArray joins neighbouring text nodes whose marks became equal.
  return node.type.create(cleanAttrs(node), Fragment.fromArray(children), cleanMarks(node.marks));
}

// Empty paragraphs in an import are what dropped content (an image, an empty
// <p>) left behind; Markdown cannot even express them, so an export would not
// round-trip them. In a list item the first paragraph is required and kept.
const CONTAINERS_WITHOUT_EMPTY_PARAGRAPHS = new Set(["doc", "blockquote"]);

function withoutEmptyParagraphs(children: ProseMirrorNode[]): ProseMirrorNode[] {
  const kept = children.filter((child) => child.type.name !== "paragraph" || child.childCount > 0);
  // Both containers need at least one block.
  return kept.length > 0 ? kept : children.slice(0, 1);
}

// A card keeps only an http(s) address and one line each of headline and
// teaser; without a usable address it is just its headline, as text.
function cleanCard(node: ProseMirrorNode): ProseMirrorNode {
  const attrs = relatedCardAttrs(node);
  if (attrs.href) return node.type.create(attrs);
  const schema = node.type.schema;
  return schema.nodes.paragraph!.create(null, attrs.headline ? schema.text(attrs.headline) : null);
}

// Images are not imported yet: a figure (say, from one of our own HTML
// exports) would point at an image the new document's members may not be
// allowed to see. Its caption is kept as text.
function figureAsText(node: ProseMirrorNode): ProseMirrorNode {
  const { caption } = figureAttrs(node);
  const schema = node.type.schema;
  return schema.nodes.paragraph!.create(null, caption ? schema.text(caption) : null);
}

function rectangularTables(doc: ProseMirrorNode): ProseMirrorNode {
  return fixTables(EditorState.create({ doc }))?.doc ?? doc;
}

const MAX_CELL_SPAN = 50;
const CELL_ALIGNMENTS = new Set(["left", "right", "center"]);

function cleanAttrs(node: ProseMirrorNode): Record<string, unknown> {
  switch (node.type.name) {
    case "tableCell":
    case "tableHeader": {
      const span = (value: unknown) => Math.min(MAX_CELL_SPAN, Math.max(1, Math.trunc(Number(value)) || 1));
      // Column widths are not kept: tables are not resizable in the editor.
      return { colspan: span(node.attrs.colspan), rowspan: span(node.attrs.rowspan), colwidth: null, align: CELL_ALIGNMENTS.has(node.attrs.align) ? node.attrs.align : null };
    }
    case "table":
    case "tableRow":
      return {};
    case "heading":
      return { level: Math.min(HEADING_LEVELS.max, Math.max(HEADING_LEVELS.min, Number(node.attrs.level) || HEADING_LEVELS.min)) };
    case "codeBlock": {
      const language = typeof node.attrs.language === "string" ? node.attrs.language : "";
      return { language: /^[\w+#.-]{1,32}$/.test(language) ? language : null };
    }
    case "orderedList": {
      const start = Number(node.attrs.start);
      return { start: Number.isSafeInteger(start) && start >= 0 ? start : 1, type: null };
    }
    default:
      // A block suggestion in a file would forge a colleague's pending suggestion.
      return BLOCK_SUGGESTION in node.attrs ? { ...node.attrs, [BLOCK_SUGGESTION]: null } : node.attrs;
  }
}

function cleanMarks(marks: readonly Mark[]): readonly Mark[] {
  return marks.flatMap((mark) => {
    if (isSuggestionMark(mark)) return [];
    if (mark.type.name !== "link") return [mark];
    const href = safeHref(mark.attrs.href);
    if (!href) return [];
    const title = typeof mark.attrs.title === "string" && mark.attrs.title.trim() !== "" ? mark.attrs.title : null;
    return [mark.type.create({ href, title })];
  });
}

/** The href when it is an absolute http(s) or mailto URL, else null. */
function safeHref(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_HREF_LENGTH) return null;
  try {
    return LINK_PROTOCOLS.has(new URL(value.trim()).protocol) ? value.trim() : null;
  } catch {
    return null;
  }
}
