// The one extension list that defines a document's schema. The browser editor
// adds collaboration on top of it; the server uses it to build the schema for
// seeding, validation and (later) rendering, so both always agree.
import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { Figure } from "./Figure";
import { RelatedCard } from "./RelatedCard";
import { BlockSuggestionAttribute } from "./suggestions/blockSuggestion";
import { SuggestionDelete, SuggestionFormat, SuggestionInsert } from "./suggestions/marks";

/** Name of the Y.XmlFragment holding the document body (a public contract). */
export const DOCUMENT_FRAGMENT = "default";

export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own (per-user) undo manager.
      undoRedo: false,
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    // Tables: a header row, rows and columns. Not resizable (column widths
    // would be a per-screen layout stored in everyone's document); rendered
    // inside a div.tableWrapper so a wide table scrolls on its own on a phone
    // instead of widening the page.
    TableKit.configure({ table: { resizable: false, renderWrapper: true, allowTableNodeSelection: false } }),
    // A link to a related piece, with the headline and teaser its author typed.
    RelatedCard,
    // An uploaded image with alt text, caption, credit; one may be the lead image.
    Figure,
    // Suggesting mode ("track changes"): marks only; the behaviour that creates
    // them is the browser-only SuggestionMode extension (lib/editor/suggestions/).
    SuggestionInsert,
    SuggestionDelete,
    // Formatting and structure suggestions: a mark remembering the previous
    // formatting, and a node attribute for blocks (suggestions/blockSuggestion.ts).
    SuggestionFormat,
    BlockSuggestionAttribute,
  ];
}
