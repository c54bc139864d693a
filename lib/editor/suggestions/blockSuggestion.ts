// Suggestions about structure (a paragraph split or joined, a block's type
// changed, a list or quote put around or taken off, a figure, card or table
// row inserted or removed) live in one node attribute, `blockSuggestion`, on
// the block they are about. y-tiptap keeps node attributes (it drops marks on
// element nodes), so this survives Yjs; one attribute means one structural
// suggestion per block at a time. The value is a JSON string, not an object:
// y-tiptap compares attributes with ===, and would write an object attribute
// to Yjs again on every edit inside the block.
//
// Each kind says what the block is, relative to the text as it stands:
//   split  — the boundary before this block is new (Enter). Reject joins it
//            back into the previous block; accept keeps it.
//   join   — the boundary before this block is to go (Backspace at its
//            start). Accept joins it into the previous block.
//   change — the block's type or attributes changed; `previous` holds what
//            they were ({ type, attrs } as JSON). Reject restores them.
//   wrap   — this container (list, list item, quote) is new around its
//            content. Reject takes it off, keeping the content.
//   unwrap — this container is to go, its content staying.
//   insert — this block (figure, card, table row…) is new. Reject removes it.
//   delete — this block is to go. Accept removes it.
import { Extension } from "@tiptap/core";
import type { SuggestionAttrs } from "./marks";

export const BLOCK_SUGGESTION = "blockSuggestion";

export const BLOCK_SUGGESTION_KINDS = ["split", "join", "change", "wrap", "unwrap", "insert", "delete"] as const;
export type BlockSuggestionKind = (typeof BLOCK_SUGGESTION_KINDS)[number];

export type BlockSuggestion = SuggestionAttrs & {
  kind: BlockSuggestionKind;
  /** For "change": JSON of { type, attrs } the block had before. */
  previous?: string;
};

export type PreviousBlock = { type: string; attrs?: Record<string, unknown> };

/** The block types that can carry a structural suggestion. */
export const SUGGESTIBLE_BLOCK_TYPES = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "codeBlock",
  "horizontalRule",
  "figure",
  "relatedCard",
  "table",
  "tableRow",
];

/** Containers whose removal keeps their content (and that can be put around content). */
export const WRAPPER_TYPES = new Set(["blockquote", "bulletList", "orderedList", "listItem"]);

/** The attribute's value for `suggestion` (fixed key order, so equal suggestions are equal strings). */
export function encodeBlockSuggestion(suggestion: BlockSuggestion): string {
  const { id, authorId, authorName, createdAt, kind, previous } = suggestion;
  return JSON.stringify(previous !== undefined ? { id, authorId, authorName, createdAt, kind, previous } : { id, authorId, authorName, createdAt, kind });
}

/** The block suggestion an attribute value holds (any author), or null when absent or malformed. */
export function asBlockSuggestion(value: unknown): BlockSuggestion | null {
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string" || typeof record.authorId !== "string") return null;
  if (!(BLOCK_SUGGESTION_KINDS as readonly unknown[]).includes(record.kind)) return null;
  return {
    id: record.id,
    authorId: record.authorId,
    authorName: typeof record.authorName === "string" ? record.authorName : "",
    createdAt: typeof record.createdAt === "string" ? record.createdAt : "",
    kind: record.kind as BlockSuggestionKind,
    ...(typeof record.previous === "string" ? { previous: record.previous } : {}),
  };
}

/** The { type, attrs } a "change" suggestion recorded, or null when missing or malformed. */
export function previousBlock(suggestion: BlockSuggestion): PreviousBlock | null {
  if (suggestion.kind !== "change" || typeof suggestion.previous !== "string") return null;
  try {
    const parsed = JSON.parse(suggestion.previous) as unknown;
    if (typeof parsed !== "object" || parsed === null) return null;
    const { type, attrs } = parsed as Record<string, unknown>;
    if (typeof type !== "string") return null;
    if (attrs !== undefined && (typeof attrs !== "object" || attrs === null || Array.isArray(attrs))) return null;
    return { type, ...(attrs ? { attrs: attrs as Record<string, unknown> } : {}) };
  } catch {
    return null;
  }
}

/** `previous` for a block of `type` with `attrs` (its own suggestion and null values left out). */
export function encodePrevious(type: string, attrs: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attrs)) if (key !== BLOCK_SUGGESTION && value !== null && value !== undefined) kept[key] = value;
  return JSON.stringify(Object.keys(kept).length > 0 ? { type, attrs: kept } : { type });
}

/** The `blockSuggestion` attribute on every suggestible block type, rendered as data attributes. */
export const BlockSuggestionAttribute = Extension.create({
  name: "blockSuggestionAttribute",
  addGlobalAttributes() {
    return [
      {
        types: SUGGESTIBLE_BLOCK_TYPES,
        attributes: {
          [BLOCK_SUGGESTION]: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => {
              const raw = element.getAttribute("data-block-suggestion");
              if (!raw) return null;
              const suggestion = asBlockSuggestion(raw);
              return suggestion ? encodeBlockSuggestion(suggestion) : null;
            },
            renderHTML: (attributes: Record<string, unknown>) => {
              const suggestion = asBlockSuggestion(attributes[BLOCK_SUGGESTION]);
              if (!suggestion) return {};
              return {
                "data-block-suggestion": encodeBlockSuggestion(suggestion),
                "data-suggestion-kind": suggestion.kind,
                "data-suggestion-id": suggestion.id,
                "data-author-id": suggestion.authorId,
                class: `block-suggestion block-suggestion-${suggestion.kind}`,
              };
            },
          },
        },
      },
    ];
  },
});

/**
 * Document JSON without the empty `blockSuggestion: null` that ProseMirror's
 * toJSON() writes on every block (Yjs does not store null attributes either):
 * what imports return and exports write stays as it was before the attribute.
 */
export function withoutEmptyBlockSuggestions<T>(json: T): T {
  if (Array.isArray(json)) return json.map((item: unknown) => withoutEmptyBlockSuggestions(item)) as T;
  if (typeof json !== "object" || json === null) return json;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === "attrs" && typeof value === "object" && value !== null && BLOCK_SUGGESTION in value) {
      const { [BLOCK_SUGGESTION]: suggestion, ...rest } = value as Record<string, unknown>;
      const attrs = suggestion === null || suggestion === undefined ? rest : { ...rest, [BLOCK_SUGGESTION]: suggestion };
      if (Object.keys(attrs).length > 0) out[key] = attrs;
      continue;
    }
    out[key] = withoutEmptyBlockSuggestions(value);
  }
  return out as T;
}

/** " block-suggestion block-suggestion-<kind>" for a node view's class, or "" (node views do not get renderHTML's attributes). */
export function blockSuggestionClass(node: { attrs: Record<string, unknown> }): string {
  const suggestion = asBlockSuggestion(node.attrs[BLOCK_SUGGESTION]);
  return suggestion ? ` block-suggestion block-suggestion-${suggestion.kind}` : "";
}
