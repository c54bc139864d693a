// HTML → a document in the editor's schema: happy-dom builds the DOM on the
// server (scripts off, no loading of anything), ProseMirror's DOMParser reads
// it with the schema's own parse rules. Whatever the schema has no rule for
// (images, iframes, forms) contributes at most its text; tables are the
// schema's tables; <script>, <style> and <head> are skipped by ProseMirror
// entirely.
import { DOMParser as ProseMirrorDOMParser, type Node as ProseMirrorNode, type TagParseRule } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import { AppError } from "../errors";
import { documentSchema } from "../documents/documentState";
import { type ImportedImages, rememberImage } from "./importedImages";

/** Deeper than this, the HTML is refused rather than walked (ProseMirror's parser recurses per element). */
const MAX_HTML_DEPTH = 256;

let parser: ProseMirrorDOMParser | undefined;

// The schema parses only <h2> and <h3>. Other heading levels are still
// headings: they keep their level here (a leading <h1> may become the title)
// and cleanImportedDoc fits them to the schema's levels.
function htmlParser(): ProseMirrorDOMParser {
  if (parser) return parser;
  const schema = documentSchema();
  const otherHeadings: TagParseRule[] = [1, 4, 5, 6].map((level) => ({ tag: `h${level}`, node: "heading", attrs: { level } }));
  parser = new ProseMirrorDOMParser(schema, [...ProseMirrorDOMParser.fromSchema(schema).rules, ...otherHeadings]);
  return parser;
}

/** `images` (when given) collects the file's images; they become figures with stand-in hashes (importedImages.ts). */
export function parseHtml(html: string, images?: ImportedImages): ProseMirrorNode {
  const window = new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, "text/html");
    if (depthOf(document.body) > MAX_HTML_DEPTH) {
      throw new AppError("unprocessable", `The HTML is nested more than ${MAX_HTML_DEPTH} elements deep`);
    }
    captionsBeforeTables(document);
    if (images) imagesAsFigures(document as unknown as ImageDocument, images);
    return htmlParser().parse(document.body as unknown as globalThis.Node);
  } finally {
    void window.happyDOM.abort();
    void window.happyDOM.close();
  }
}

type CaptionElement = { closest(selector: string): { before(node: unknown): void } | null; childNodes: ArrayLike<unknown>; remove(): void };

// A table's <caption> would otherwise be parsed as a row of its own; it reads
// as the paragraph introducing the table.
function captionsBeforeTables(document: { querySelectorAll(selector: string): ArrayLike<unknown>; createElement(tag: string): { append(...nodes: unknown[]): void } }): void {
  for (const caption of Array.from(document.querySelectorAll("table > caption")) as CaptionElement[]) {
    const paragraph = document.createElement("p");
    paragraph.append(...Array.from(caption.childNodes));
    caption.closest("table")?.before(paragraph);
    caption.remove();
  }
}

type ImageElement = {
  getAttribute(name: string): string | null;
  closest(selector: string): ImageElement | null;
  querySelector(selector: string): { textContent: string | null } | null;
  replaceWith(node: unknown): void;
};
type ImageDocument = {
  querySelectorAll(selector: string): ArrayLike<unknown>;
  createElement(tag: string): { setAttribute(name: string, value: string): void; append(...nodes: unknown[]): void; className: string; textContent: string | null };
};

const line = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

// Every <img> (with its <figure> and <figcaption>, when it has them) becomes
// the schema's figure markup with a stand-in hash; what the figure really
// shows is decided after parsing (resolveImportedFigures). A figcaption as
// this editor exports it (.figure-caption and .figure-credit-name) gives the
// caption and the credit; any other figcaption is the caption.
function imagesAsFigures(document: ImageDocument, images: ImportedImages): void {
  for (const image of Array.from(document.querySelectorAll("img")) as ImageElement[]) {
    const src = (image.getAttribute("src") ?? "").trim();
    const figure = image.closest("figure");
    const caption = figure?.querySelector(".figure-caption")?.textContent ?? figure?.querySelector("figcaption")?.textContent;
    const credit = figure?.querySelector(".figure-credit-name")?.textContent;
    const imported = { src, alt: line(image.getAttribute("alt")), caption: line(caption), credit: line(credit) };
    const token = rememberImage(images, imported);
    const replacement = document.createElement("figure");
    replacement.className = figure?.getAttribute("class")?.includes("figure-lead") ? "figure figure-lead" : "figure";
    const img = document.createElement("img");
    img.setAttribute("src", `/media/${token}/original`);
    img.setAttribute("alt", imported.alt);
    const figcaption = document.createElement("figcaption");
    const captionSpan = document.createElement("span");
    captionSpan.className = "figure-caption";
    captionSpan.textContent = imported.caption;
    const creditSpan = document.createElement("span");
    creditSpan.className = "figure-credit-name";
    creditSpan.textContent = imported.credit;
    figcaption.append(captionSpan, creditSpan);
    replacement.append(img, figcaption);
    (figure ?? image).replaceWith(replacement);
  }
}

// Iterative, so a hostile nesting depth cannot overflow the stack here.
function depthOf(root: { children: ArrayLike<unknown> }): number {
  let deepest = 0;
  const stack: { element: { children: ArrayLike<unknown> }; depth: number }[] = [{ element: root, depth: 0 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH) break;
    for (const child of Array.from(element.children)) stack.push({ element: child as { children: ArrayLike<unknown> }, depth: depth + 1 });
  }
  return deepest;
}
