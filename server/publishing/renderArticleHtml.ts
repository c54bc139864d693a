// The published body: rendered on the server from the approved JSON with the
// same extension list as the editor, then sanitized. Never client-sent HTML.
import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { documentExtensions } from "../../lib/editor/documentExtensions";

/** The published article's vocabulary; the history view extends it (server/history/renderHistoryHtml.ts). */
export const ARTICLE_HTML_RULES: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["h2", "h3", "p", "br", "strong", "em", "s", "u", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"],
    // Tables, inside the wrapper that lets them scroll sideways on a phone.
    ...["div", "table", "tbody", "tr", "th", "td"],
    // Related-article cards.
    ...["aside", "span"],
    // Figures: an image of ours (/media/…) with its caption and credit.
    ...["figure", "img", "figcaption"],
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    ol: ["start"],
    ...{ div: ["class"], aside: ["class"], span: ["class"], figure: ["class"] },
    img: ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding", "fetchpriority"],
    th: ["colspan", "rowspan", "style"],
    td: ["colspan", "rowspan", "style"],
  },
  allowedClasses: {
    div: ["tableWrapper"],
    aside: ["related-card"],
    span: ["related-card-kicker", "related-card-headline", "related-card-teaser", "figure-caption", "figure-credit", "figure-credit-name"],
    figure: ["figure", "figure-lead"],
  },
  // An image only from our own media route: nothing is loaded from elsewhere.
  exclusiveFilter: (frame) => frame.tag === "img" && !isOwnMedia(frame.attribs.src, frame.attribs.srcset),
  // A cell's alignment is its only style; the editor's column widths are not published.
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

const OWN_MEDIA = /^\/media\/[0-9a-f]{64}\/(original|\d{1,4})$/;

function isOwnMedia(src: string | undefined, srcset: string | undefined): boolean {
  if (!src || !OWN_MEDIA.test(src)) return false;
  return (srcset ?? "").split(",").every((candidate) => candidate.trim() === "" || OWN_MEDIA.test(candidate.trim().split(/\s+/)[0] ?? ""));
}

/** Sanitizes HTML to the published article's small vocabulary (scripts, handlers, javascript: URLs, iframes go). */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, ARTICLE_HTML_RULES);
}

/** Published HTML for approved content. Suggestions must be resolved before publishing (the gate checks). */
export function renderArticleHtml(content: JSONContent): string {
  return sanitizeArticleHtml(renderToHTMLString({ extensions: documentExtensions(), content }));
}
