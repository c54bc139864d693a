// HTML for the history view: a version, a comparison or one block of the
// current text. Rendered on the server with the editor's schema (like the
// published page) and sanitized; unlike the published page, suggestion and
// comparison marks stay visible as <ins>/<del> with their author.
import type { JSONContent } from "@tiptap/core";
import { randomUUID } from "node:crypto";
import { renderToHTMLString, serializeChildrenToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { documentExtensions } from "../../lib/editor/documentExtensions";
import { BLOCK_SUGGESTION_KINDS } from "../../lib/editor/suggestions/blockSuggestion";
import { ARTICLE_HTML_RULES } from "../publishing/renderArticleHtml";

// Pending structure suggestions show as a class on their block (a bar and a
// label in the margin, as in the editor); nothing else of the attribute.
const BLOCK_SUGGESTION_CLASSES = ["block-suggestion", ...BLOCK_SUGGESTION_KINDS.map((kind) => `block-suggestion-${kind}`)];
const SUGGESTIBLE_TAGS = ["p", "h2", "h3", "ul", "ol", "li", "blockquote", "pre", "hr", "table", "tr"];

// The article's rules plus <ins>/<del> for suggestions and comparisons, and
// the marks of formatting and structure suggestions.
const ALLOWED: sanitizeHtml.IOptions = {
  ...ARTICLE_HTML_RULES,
  allowedTags: [...(ARTICLE_HTML_RULES.allowedTags || []), "ins", "del"],
  allowedAttributes: {
    ...ARTICLE_HTML_RULES.allowedAttributes,
    ...Object.fromEntries(SUGGESTIBLE_TAGS.map((tag) => [tag, [...(ARTICLE_HTML_RULES.allowedAttributes as Record<string, string[]>)[tag] ?? [], "class"]])),
    span: ["class", "data-author-name"],
    ins: ["class", "data-author-name"],
    del: ["class", "data-author-name"],
  },
  allowedClasses: {
    ...ARTICLE_HTML_RULES.allowedClasses,
    ...Object.fromEntries(SUGGESTIBLE_TAGS.map((tag) => [tag, BLOCK_SUGGESTION_CLASSES])),
    span: [...((ARTICLE_HTML_RULES.allowedClasses as Record<string, string[]>).span ?? []), "suggestion", "suggestion-format"],
    ins: ["suggestion", "suggestion-insert", "diff-insert"],
    del: ["suggestion", "suggestion-delete", "diff-delete"],
  },
  transformTags: {
    ...ARTICLE_HTML_RULES.transformTags,
    ins: (tagName, attribs) => markTag(tagName, attribs, "insert"),
    del: (tagName, attribs) => markTag(tagName, attribs, "delete"),
  },
};

/** The suggestion-mark id compareVersions gives to what changed between two versions. */
export const COMPARISON_MARK_ID = "comparison";

// A comparison reuses the suggestion marks (so it renders with the schema as
// is); its marks are told apart from the document's own pending suggestions
// by their id and get their own class.
function markTag(tagName: string, attribs: sanitizeHtml.Attributes, change: "insert" | "delete") {
  const isComparison = attribs["data-suggestion-id"] === COMPARISON_MARK_ID;
  return {
    tagName,
    attribs: {
      class: isComparison ? `diff-${change}` : `suggestion suggestion-${change}`,
      ...(attribs["data-author-name"] ? { "data-author-name": attribs["data-author-name"] } : {}),
    },
  };
}

export function renderHistoryHtml(content: JSONContent): string {
  return sanitizeHtml(renderToHTMLString({ extensions: documentExtensions(), content }), ALLOWED);
}

/**
 * Each top-level block's HTML, from one render of the whole document: every
 * render call rebuilds the schema from the extension list (several ms), far
 * more than rendering a paragraph. Blocks are joined with a random boundary
 * that no text can contain, then split and sanitized one by one.
 */
export function renderHistoryBlocks(content: JSONContent): string[] {
  const boundary = `\u0000${randomUUID()}\u0000`;
  const html = renderToHTMLString({
    extensions: documentExtensions(),
    content,
    options: {
      nodeMapping: {
        doc: ({ children }) => (Array.isArray(children) ? children : [children]).map((child) => serializeChildrenToHTMLString(child)).join(boundary),
      },
    },
  });
  if (html === "") return [];
  return html.split(boundary).map((block) => sanitizeHtml(block, ALLOWED));
}
