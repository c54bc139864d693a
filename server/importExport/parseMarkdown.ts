// Markdown → a document in the editor's schema, with markdown-it (CommonMark
// plus ~~strike~~) and prosemirror-markdown, mapped to Tiptap's node names.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import MarkdownIt, { type Options as MarkdownItOptions, type StateCore, type Token } from "markdown-it";
import { MarkdownParser } from "prosemirror-markdown";
import { documentSchema } from "../documents/documentState";
import { AppError } from "../errors";
import { type ImportedImage, type ImportedImages, rememberImage } from "./importedImages";
import { cardsFromParagraphs } from "./markdownCards";

// markdown-it stops descending at maxNesting and silently skips what lies
// deeper; a quote or list nested that far is refused instead of cut short.
// (Each list level costs two: the list and its item.)
const MAX_NESTING = 50;

let parser: MarkdownParser | undefined;

function markdownParser(): MarkdownParser {
  if (parser) return parser;
  // html: false — raw HTML in Markdown stays literal text; it is never parsed
  // into the document, let alone stored as HTML. maxNesting bounds the
  // parser's recursion whatever the input. No linkify, no typographer: the
  // text is kept as written. Pipe tables (GitHub's extension) become tables.
  // (maxNesting is a real markdown-it option that its type definitions omit.)
  const options: MarkdownItOptions & { maxNesting: number } = { html: false, maxNesting: MAX_NESTING };
  const tokenizer = MarkdownIt("commonmark", options).enable(["strikethrough", "table"]);
  tokenizer.core.ruler.after("block", "refuse_cut_nesting", (state) => {
    if (state.tokens.some((token) => token.level >= MAX_NESTING - 1)) {
      throw new AppError("unprocessable", "The Markdown nests quotes or lists too deeply to import");
    }
  });
  tokenizer.core.ruler.push("table_cell_paragraphs", wrapTableCellsInParagraphs);
  tokenizer.core.ruler.push("image_paragraphs_as_figures", imageParagraphsAsFigures);
  parser = new MarkdownParser(documentSchema(), tokenizer, {
    blockquote: { block: "blockquote" },
    paragraph: { block: "paragraph" },
    list_item: { block: "listItem" },
    bullet_list: { block: "bulletList" },
    ordered_list: { block: "orderedList", getAttrs: (token) => ({ start: Number(token.attrGet("start")) || 1 }) },
    // Levels are kept as written (1–6) here; a leading level 1 may become the
    // title, and cleanImportedDoc fits the rest to the schema's levels.
    heading: { block: "heading", getAttrs: (token) => ({ level: Number(token.tag.slice(1)) }) },
    code_block: { block: "codeBlock", noCloseToken: true },
    fence: { block: "codeBlock", getAttrs: (token) => ({ language: token.info.trim().split(/\s+/)[0] || null }), noCloseToken: true },
    hr: { node: "horizontalRule" },
    table: { block: "table" },
    // thead and tbody have no node of their own: their rows are the table's.
    thead: { ignore: true },
    tbody: { ignore: true },
    tr: { block: "tableRow" },
    th: { block: "tableHeader", getAttrs: cellAttrs },
    td: { block: "tableCell", getAttrs: cellAttrs },
    hardbreak: { node: "hardBreak" },
    // An image alone in its paragraph is a figure (imageParagraphsAsFigures);
    // one inside a line of text is left out.
    image: { ignore: true, noCloseToken: true },
    figure: {
      node: "figure",
      getAttrs: (token) => ({ hash: token.meta.token, width: 0, height: 0, alt: token.meta.alt, caption: token.meta.caption, credit: token.meta.credit }),
    },
    em: { mark: "italic" },
    strong: { mark: "bold" },
    s: { mark: "strike" },
    code_inline: { mark: "code", noCloseToken: true },
    link: { mark: "link", getAttrs: (token) => ({ href: token.attrGet("href"), title: token.attrGet("title") || null }) },
  });
  return parser;
}

// A Markdown cell holds inline content; the schema's cells hold blocks.
function wrapTableCellsInParagraphs(state: StateCore): void {
  const tokens: Token[] = [];
  for (const token of state.tokens) {
    if (token.type === "th_close" || token.type === "td_close") tokens.push(new state.Token("paragraph_close", "p", -1));
    tokens.push(token);
    if (token.type === "th_open" || token.type === "td_open") tokens.push(new state.Token("paragraph_open", "p", 1));
  }
  state.tokens = tokens;
}

// markdown-it writes a column's alignment as style="text-align:right".
function cellAttrs(token: Token): { align: string | null } {
  const align = /text-align:\s*(left|right|center)/.exec(token.attrGet("style") ?? "")?.[1];
  return { align: align ?? null };
}

/** The images of the file being parsed (parsing is synchronous, so one at a time). */
let collecting: ImportedImages | undefined;

/** `images` (when given) collects the file's images; they become figures with stand-in hashes (importedImages.ts). */
export function parseMarkdown(markdown: string, images?: ImportedImages): ProseMirrorNode {
  collecting = images;
  try {
    return cardsFromParagraphs(markdownParser().parse(markdown));
  } finally {
    collecting = undefined;
  }
}

// A paragraph holding just an image — optionally followed, after a line
// break, by *Credit: …* as this editor exports figures — becomes one figure
// token: the image's alt text, its title as the caption, and the credit.
function imageParagraphsAsFigures(state: StateCore): void {
  if (!collecting) return;
  const tokens: Token[] = [];
  for (let i = 0; i < state.tokens.length; i++) {
    const [open, inline, close] = [state.tokens[i]!, state.tokens[i + 1], state.tokens[i + 2]];
    const figure = open.type === "paragraph_open" && inline?.type === "inline" && close?.type === "paragraph_close" ? figureOf(inline.children ?? []) : null;
    if (!figure) {
      tokens.push(open);
      continue;
    }
    const token = new state.Token("figure", "figure", 0);
    token.meta = { token: rememberImage(collecting, figure), ...figure };
    tokens.push(token);
    i += 2;
  }
  state.tokens = tokens;
}

function figureOf(children: Token[]): ImportedImage | null {
  const [image, lineBreak, emOpen, credit, emClose, ...rest] = children;
  if (image?.type !== "image" || rest.length > 0) return null;
  const base = { src: image.attrGet("src") ?? "", alt: image.content.trim(), caption: (image.attrGet("title") ?? "").trim(), credit: "" };
  if (!lineBreak) return base;
  const creditText = /^Credit:\s*(.+)$/.exec(credit?.content ?? "")?.[1];
  const isCredit = (lineBreak.type === "hardbreak" || lineBreak.type === "softbreak") && emOpen?.type === "em_open" && credit?.type === "text" && emClose?.type === "em_close";
  return isCredit && creditText ? { ...base, credit: creditText.trim() } : null;
}
