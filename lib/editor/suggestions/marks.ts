// The two suggestion ("track changes") marks. They are part of the shared
// document schema (lib/editor/documentExtensions.ts), so the browser and the
// server agree on them; the behaviour that creates them lives in
// SuggestionMode.ts (browser only).
//
// A suggestion is identified by its `id`. A replacement is a deletion mark on
// the old text plus an insertion mark on the new text that share the SAME `id`
// (and author); listSuggestions() reports such a pair as kind "replace", and
// accepting or rejecting the id applies to both halves.
import { Mark, mergeAttributes } from "@tiptap/core";
import type { Mark as ProseMirrorMark, MarkType, Schema } from "@tiptap/pm/model";

export const SUGGESTION_INSERT = "suggestionInsert";
export const SUGGESTION_DELETE = "suggestionDelete";
export type SuggestionMarkName = typeof SUGGESTION_INSERT | typeof SUGGESTION_DELETE;

/** The attributes both suggestion marks carry. */
export type SuggestionAttrs = {
  /** Shared by the deletion and insertion halves of a replacement. */
  id: string;
  authorId: string;
  authorName: string;
  /** ISO 8601 timestamp of when the suggestion was started. */
  createdAt: string;
};

export type SuggestionAuthor = { id: string; name: string };

export function isSuggestionMarkName(name: string): name is SuggestionMarkName {
  return name === SUGGESTION_INSERT || name === SUGGESTION_DELETE;
}

export function isSuggestionMark(mark: ProseMirrorMark): boolean {
  return isSuggestionMarkName(mark.type.name);
}

export function suggestionMarkTypes(schema: Schema): { insert: MarkType; delete: MarkType } {
  const insert = schema.marks[SUGGESTION_INSERT];
  const del = schema.marks[SUGGESTION_DELETE];
  if (!insert || !del) throw new Error("The schema has no suggestion marks; add them via documentExtensions()");
  return { insert, delete: del };
}

const DATA_ATTRIBUTES: Record<keyof SuggestionAttrs, string> = {
  id: "data-suggestion-id",
  authorId: "data-author-id",
  authorName: "data-author-name",
  createdAt: "data-created-at",
};

function suggestionAttributes() {
  return Object.fromEntries(
    (Object.keys(DATA_ATTRIBUTES) as (keyof SuggestionAttrs)[]).map((name) => [
      name,
      {
        default: "",
        parseHTML: (element: HTMLElement) => element.getAttribute(DATA_ATTRIBUTES[name]) ?? "",
        renderHTML: (attributes: Record<string, unknown>) => ({ [DATA_ATTRIBUTES[name]]: String(attributes[name] ?? "") }),
      },
    ]),
  );
}

// Priority above the formatting marks (Link is 1000) so <ins>/<del> wrap
// <strong>/<em>/<a> rather than being split by them.
const SUGGESTION_MARK_PRIORITY = 1050;

/** Text suggested for insertion: `<ins class="suggestion suggestion-insert" data-suggestion-id …>`. */
export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  priority: SUGGESTION_MARK_PRIORITY,
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: "ins[data-suggestion-id]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["ins", mergeAttributes({ class: "suggestion suggestion-insert" }, HTMLAttributes), 0];
  },
});

/** Text suggested for deletion: `<del class="suggestion suggestion-delete" data-suggestion-id …>`. */
export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  priority: SUGGESTION_MARK_PRIORITY,
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: "del[data-suggestion-id]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["del", mergeAttributes({ class: "suggestion suggestion-delete" }, HTMLAttributes), 0];
  },
});
