// A related-article card: a link to another piece with its headline and a
// one-line teaser, all typed by the author. Nothing is fetched from the
// network — not in the editor, not when publishing — so a card can never leak
// a reader's or an analyst's visit to a third party, and shows exactly what
// the author wrote.
//
// An atom block: its three values are attributes, edited with the toolbar's
// form. Rendered as <aside class="related-card"> (published page, HTML
// export), which is also what it is parsed from.
import { Node } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { blockSuggestionClass } from "./suggestions/blockSuggestion";

export const RELATED_CARD = "relatedCard";
export const MAX_CARD_HEADLINE_LENGTH = 200;
export const MAX_CARD_TEASER_LENGTH = 200;
export const MAX_CARD_HREF_LENGTH = 2048;

export type RelatedCardAttrs = { href: string; headline: string; teaser: string };

/** The href when it is an absolute http(s) URL (a card points to a web page), else null. */
export function safeCardHref(value: unknown): string | null {
  if (typeof value !== "string" || value.trim().length > MAX_CARD_HREF_LENGTH) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** One line of text within `max` characters (a card's headline and teaser). */
export function cardLine(value: unknown, max: number): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim().slice(0, max) : "";
}

/** The card's values made safe: whatever a client or a file sent, only these are rendered. */
export function relatedCardAttrs(node: ProseMirrorNode | { attrs: Record<string, unknown> }): RelatedCardAttrs {
  return {
    href: safeCardHref(node.attrs.href) ?? "",
    headline: cardLine(node.attrs.headline, MAX_CARD_HEADLINE_LENGTH),
    teaser: cardLine(node.attrs.teaser, MAX_CARD_TEASER_LENGTH),
  };
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    relatedCard: {
      /** Inserts a card at the selection, or updates the selected card. */
      setRelatedCard: (attrs: RelatedCardAttrs) => ReturnType;
    };
  }
}

export const RelatedCard = Node.create({
  name: RELATED_CARD,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      href: { default: "" },
      headline: { default: "" },
      teaser: { default: "" },
    };
  },

  parseHTML() {
    return [
      {
        tag: "aside.related-card",
        getAttrs: (element) => {
          const link = element.querySelector("a[href]");
          return {
            href: link?.getAttribute("href") ?? "",
            headline: element.querySelector(".related-card-headline")?.textContent ?? link?.textContent ?? "",
            teaser: element.querySelector(".related-card-teaser")?.textContent ?? "",
          };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { href, headline, teaser } = relatedCardAttrs(node);
    const content = [
      ["span", { class: "related-card-kicker" }, "Related"],
      ["span", { class: "related-card-headline" }, headline || href],
      ...(teaser ? [["span", { class: "related-card-teaser" }, teaser]] : []),
    ];
    // A link only to an http(s) address: a javascript: URL typed into the
    // shared document must never become clickable for a colleague or a reader.
    return ["aside", { class: "related-card" }, href ? ["a", { href }, ...content] : ["div", {}, ...content]];
  },

  // In the editor the card is not a live link (a click selects it for
  // editing); the address is shown under the headline instead.
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("aside");
      dom.className = "related-card related-card-editing";
      const render = (current: ProseMirrorNode) => {
        const { href, headline, teaser } = relatedCardAttrs(current);
        dom.className = `related-card related-card-editing${blockSuggestionClass(current)}`;
        const line = (className: string, text: string) => {
          const span = document.createElement("span");
          span.className = className;
          span.textContent = text;
          return span;
        };
        dom.replaceChildren(
          line("related-card-kicker", "Related"),
          line("related-card-headline", headline || "(no headline)"),
          ...(teaser ? [line("related-card-teaser", teaser)] : []),
          line("related-card-address", href || "(no valid address)"),
        );
        dom.setAttribute("aria-label", `Related article: ${headline}`);
      };
      render(node);
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== RELATED_CARD) return false;
          render(updated);
          return true;
        },
      };
    };
  },

  addCommands() {
    return {
      setRelatedCard:
        (attrs) =>
        ({ state, tr, dispatch }) => {
          const clean = relatedCardAttrs({ attrs });
          if (!clean.href) return false;
          const selected = "node" in state.selection ? (state.selection.node as ProseMirrorNode | undefined) : undefined;
          if (dispatch) {
            if (selected?.type.name === RELATED_CARD) tr.setNodeMarkup(state.selection.from, undefined, clean);
            else tr.replaceSelectionWith(state.schema.nodes[RELATED_CARD]!.create(clean));
          }
          return true;
        },
    };
  },
});
