// A figure: an uploaded image with alt text, a caption and a credit. The image
// itself is not in the document — only its content hash and size; the files
// are served from /media/<hash>/<width> (server/media/). A figure enters the
// document only once its upload is stored, so a collaborator never sees a
// figure without its image.
//
// One figure may be the lead image: the published page's hero, its Open Graph
// and JSON-LD image.
import { Node } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { NodeSelection } from "@tiptap/pm/state";
import { blockSuggestionClass } from "./suggestions/blockSuggestion";
import { defaultRenditionWidth, MEDIA_HASH_PATTERN, mediaSrcSet, mediaUrl } from "../media";

export const FIGURE = "figure";
export const MAX_ALT_LENGTH = 500;
export const MAX_CAPTION_LENGTH = 600;
export const MAX_CREDIT_LENGTH = 200;
/** The article column is at most 42rem wide: the browser picks the rendition for that, or the screen on a phone. */
export const FIGURE_SIZES = "(max-width: 44rem) 100vw, 42rem";

export type FigureAttrs = { hash: string; width: number; height: number; alt: string; caption: string; credit: string; lead: boolean };
export type FigureText = Pick<FigureAttrs, "alt" | "caption" | "credit" | "lead">;

const line = (value: unknown, max: number) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim().slice(0, max) : "");
const dimension = (value: unknown) => {
  const number = Math.trunc(Number(value));
  return Number.isFinite(number) && number > 0 && number <= 100_000 ? number : 0;
};

/** The figure's values made safe: whatever a client or a file sent, only these are rendered. */
export function figureAttrs(node: ProseMirrorNode | { attrs: Record<string, unknown> }): FigureAttrs {
  const hash = typeof node.attrs.hash === "string" && MEDIA_HASH_PATTERN.test(node.attrs.hash) ? node.attrs.hash : "";
  return {
    hash,
    width: dimension(node.attrs.width),
    height: dimension(node.attrs.height),
    alt: line(node.attrs.alt, MAX_ALT_LENGTH),
    caption: line(node.attrs.caption, MAX_CAPTION_LENGTH),
    credit: line(node.attrs.credit, MAX_CREDIT_LENGTH),
    lead: node.attrs.lead === true,
  };
}

/** What a figure still needs before publishing: alt text for those who cannot see it, and a credit. */
export function missingFigureText(attrs: FigureAttrs): ("alt text" | "credit")[] {
  return [...(attrs.alt ? [] : (["alt text"] as const)), ...(attrs.credit ? [] : (["credit"] as const))];
}

/** The <img> of a figure, with its renditions, as attributes. */
export function figureImageAttributes(attrs: FigureAttrs): Record<string, string> {
  return {
    src: mediaUrl(attrs.hash, defaultRenditionWidth(attrs.width)),
    srcset: mediaSrcSet(attrs.hash, attrs.width),
    sizes: FIGURE_SIZES,
    width: String(attrs.width),
    height: String(attrs.height),
    alt: attrs.alt,
    // The lead image is the hero at the top of the page; others wait until they are near the screen.
    loading: attrs.lead ? "eager" : "lazy",
    decoding: "async",
  };
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure for a stored upload at the selection, and selects it. */
      insertFigure: (attrs: Pick<FigureAttrs, "hash" | "width" | "height">) => ReturnType;
      /** Sets the selected figure's alt text, caption, credit and lead flag (one lead per document). */
      updateFigure: (text: FigureText) => ReturnType;
    };
  }
}

export const Figure = Node.create({
  name: FIGURE,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      hash: { default: "" },
      width: { default: 0 },
      height: { default: 0 },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
      lead: { default: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure.figure",
        getAttrs: (element) => {
          const image = element.querySelector("img");
          const hash = /\/media\/([0-9a-f]{64})\//.exec(image?.getAttribute("src") ?? "")?.[1];
          if (!image || !hash) return false;
          return {
            hash,
            width: Number(image.getAttribute("width")) || 0,
            height: Number(image.getAttribute("height")) || 0,
            alt: image.getAttribute("alt") ?? "",
            caption: element.querySelector(".figure-caption")?.textContent ?? "",
            credit: element.querySelector(".figure-credit-name")?.textContent ?? "",
            lead: element.classList.contains("figure-lead"),
          };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const attrs = figureAttrs(node);
    if (!attrs.hash || !attrs.width || !attrs.height) return ["p", {}, attrs.caption];
    const caption = [
      ...(attrs.caption ? [["span", { class: "figure-caption" }, attrs.caption]] : []),
      ...(attrs.credit ? [["span", { class: "figure-credit" }, "Credit: ", ["span", { class: "figure-credit-name" }, attrs.credit]]] : []),
    ];
    return [
      "figure",
      { class: attrs.lead ? "figure figure-lead" : "figure" },
      ["img", figureImageAttributes(attrs)],
      ...(caption.length > 0 ? [["figcaption", {}, ...caption]] : []),
    ];
  },

  // In the editor: the image, its caption and credit, and what is missing.
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("figure");
      const image = document.createElement("img");
      const caption = document.createElement("figcaption");
      dom.append(image, caption);
      let shown = "";
      const render = (current: ProseMirrorNode) => {
        const attrs = figureAttrs(current);
        dom.className = `figure figure-editing${attrs.lead ? " figure-lead" : ""}${blockSuggestionClass(current)}`;
        const imageAttributes = figureImageAttributes({ ...attrs, lead: true });
        // Setting src again would reload the image on every caption keystroke.
        if (shown !== attrs.hash) {
          for (const [name, value] of Object.entries(imageAttributes)) image.setAttribute(name, value);
          shown = attrs.hash;
        }
        image.alt = attrs.alt;
        const parts: HTMLElement[] = [];
        const span = (className: string, text: string) => {
          const element = document.createElement("span");
          element.className = className;
          element.textContent = text;
          parts.push(element);
        };
        if (attrs.lead) span("figure-badge", "Lead image");
        if (attrs.caption) span("figure-caption", attrs.caption);
        if (attrs.credit) span("figure-credit", `Credit: ${attrs.credit}`);
        const missing = missingFigureText(attrs);
        if (missing.length > 0) span("figure-missing", `Needs ${missing.join(" and ")} — select the image and use Image details`);
        caption.replaceChildren(...parts);
      };
      render(node);
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== FIGURE) return false;
          render(updated);
          return true;
        },
      };
    };
  },

  addCommands() {
    return {
      insertFigure:
        ({ hash, width, height }) =>
        ({ tr, state, dispatch }) => {
          const attrs = figureAttrs({ attrs: { hash, width, height } });
          if (!attrs.hash || !attrs.width || !attrs.height) return false;
          if (dispatch) {
            const node = state.schema.nodes[FIGURE]!.create(attrs);
            tr.replaceSelectionWith(node);
            // Select the new figure so its details can be filled in at once.
            const position = tr.selection.from - node.nodeSize;
            if (position >= 0 && tr.doc.nodeAt(position)?.type.name === FIGURE) {
              tr.setSelection(NodeSelection.create(tr.doc, position));
            }
          }
          return true;
        },
      updateFigure:
        (text) =>
        ({ tr, state, dispatch }) => {
          const selected = (state.selection as { node?: ProseMirrorNode }).node;
          if (selected?.type.name !== FIGURE) return false;
          if (dispatch) {
            const position = state.selection.from;
            if (text.lead) {
              state.doc.descendants((node, at) => {
                if (node.type.name === FIGURE && node.attrs.lead && at !== position) tr.setNodeMarkup(at, undefined, { ...node.attrs, lead: false });
              });
            }
            tr.setNodeMarkup(position, undefined, figureAttrs({ attrs: { ...selected.attrs, ...text } }));
            // Still selected, so its details stay at hand.
            tr.setSelection(NodeSelection.create(tr.doc, position));
          }
          return true;
        },
    };
  },
});
