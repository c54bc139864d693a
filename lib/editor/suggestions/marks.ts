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
/** Formatting (bold, italic, link) changed on this text; `previous` holds the formatting it had. */
export const SUGGESTION_FORMAT = "suggestionFormat";
export type SuggestionMarkName = typeof SUGGESTION_INSERT | typeof SUGGESTION_DELETE | typeof SUGGESTION_FORMAT;

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
  return name === SUGGESTION_INSERT || name === SUGGESTION_DELETE || name === SUGGESTION_FORMAT;
}

/** The formatting marks a format suggestion recorded as the text's previous formatting (JSON). */
export type PreviousMarks = { type: string; attrs?: Record<string, unknown> }[];

export function parsePreviousMarks(value: unknown): PreviousMarks | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!Array.isArray(parsed)) return null;
    const marks: PreviousMarks = [];
    for (const item of parsed) {
      if (typeof item !== "object" || item === null || typeof (item as { type?: unknown }).type !== "string") return null;
      const { type, attrs } = item as { type: string; attrs?: unknown };
      if (isSuggestionMarkName(type)) return null;
      if (attrs !== undefined && (typeof attrs !== "object" || attrs === null || Array.isArray(attrs))) return null;
      marks.push(attrs ? { type, attrs: attrs as Record<string, unknown> } : { type });
    }
    return marks;
  } catch {
    return null;
  }
}

/** `previous` for a format suggestion: the formatting marks, null attributes left out, sorted by type. */
export function encodePreviousMarks(marks: readonly ProseMirrorMark[]): string {
  return JSON.stringify(
    marks
      .filter((mark) => !isSuggestionMark(mark))
      .map((mark) => {
        const attrs = Object.fromEntries(Object.entries(mark.attrs).filter(([, value]) => value !== null && value !== undefined));
        return Object.keys(attrs).length > 0 ? { type: mark.type.name, attrs } : { type: mark.type.name };
      })
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  );
}

export function isSuggestionMark(mark: ProseMirrorMark): boolean {
  return isSuggestionMarkName(mark.type.name);
}

export function suggestionMarkTypes(schema: Schema): { insert: MarkType; delete: MarkType; format: MarkType } {
  const insert = schema.marks[SUGGESTION_INSERT];
  const del = schema.marks[SUGGESTION_DELETE];
  const format = schema.marks[SUGGESTION_FORMAT];
  if (!insert || !del || !format) throw new Error("The schema has no suggestion marks; add them via documentExtensions()");
  return { insert, delete: del, format };
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

/**
 * Formatting suggested on text: `<span class="suggestion suggestion-format" data-previous-marks=…>`.
 * The formatting itself is applied (the text shows bold as suggested); the
 * mark remembers the formatting before, so rejecting restores exactly that.
 */
export const SuggestionFormat = Mark.create({
  name: SUGGESTION_FORMAT,
  priority: SUGGESTION_MARK_PRIORITY,
  inclusive: false,
  addAttributes() {
    return {
      ...suggestionAttributes(),
      previous: {
        default: "[]",
        parseHTML: (element: HTMLElement) => element.getAttribute("data-previous-marks") ?? "[]",
        renderHTML: (attributes: Record<string, unknown>) => ({ "data-previous-marks": String(attributes.previous ?? "[]") }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span.suggestion-format[data-suggestion-id]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "suggestion suggestion-format" }, HTMLAttributes), 0];
  },
});
