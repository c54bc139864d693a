// Enter and Backspace at a paragraph's start, in suggesting mode: the
// paragraph boundary itself becomes the suggestion (blockSuggestion.ts).
//   Enter     splits the block (and its list item) and marks the new half "split".
//   Backspace at a block's start marks the block "join" (the boundary is to
//             go); on a block the same author split off, it withdraws the
//             split by joining it back.
// The transactions are complete suggestions: SuggestionMode passes them
// through without rewriting (SUGGESTION_STRUCTURED_META), and the safety-net
// filter still checks them against the server's rule.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { canSplit } from "@tiptap/pm/transform";
import { BLOCK_SUGGESTION, type BlockSuggestion, type BlockSuggestionKind, asBlockSuggestion, encodeBlockSuggestion } from "./blockSuggestion";
import { joinRange } from "./blockPositions";
import type { SuggestionAuthor } from "./marks";
import { SUGGESTION_STRUCTURED_META } from "./meta";

export type StructureContext = { author: SuggestionAuthor; now?: () => string; newId: () => string };

/** A transaction, a reason the edit cannot be suggested, or null when the command does not apply here. */
export type StructureResult = { transaction: Transaction } | { refused: string } | null;

export function blockSuggestionFor(kind: BlockSuggestionKind, ctx: StructureContext, previous?: string): BlockSuggestion {
  return {
    id: ctx.newId(),
    authorId: ctx.author.id,
    authorName: ctx.author.name,
    createdAt: (ctx.now ?? (() => new Date().toISOString()))(),
    kind,
    ...(previous !== undefined ? { previous } : {}),
  };
}

/** Enter: split the textblock at the cursor (with its list item) as a suggestion. */
export function suggestSplit(state: EditorState, ctx: StructureContext): StructureResult {
  const selection = state.selection;
  if (!(selection instanceof TextSelection) || !selection.$cursor) return { refused: "Select nothing, then press Enter to suggest a new paragraph" };
  const $cursor = selection.$cursor;
  const textblock = $cursor.parent;
  if (textblock.type.spec.code) return { refused: "Suggestions cannot include code" };
  // In a list, Enter makes a new list item: split the item too.
  const inListItem = $cursor.depth >= 2 && $cursor.node($cursor.depth - 1).type.name === "listItem";
  const depth = inListItem ? 2 : 1;
  const atEnd = $cursor.parentOffset === textblock.content.size;
  const paragraph = state.schema.nodes.paragraph!;
  // After a heading's last character, the new block is a paragraph (as without suggesting).
  const afterType = atEnd && textblock.type.name === "heading" ? paragraph : textblock.type;
  const types = inListItem ? [{ type: $cursor.node($cursor.depth - 1).type }, { type: afterType }] : [{ type: afterType }];
  const pos = $cursor.pos;
  if (!canSplit(state.doc, pos, depth, types)) return { refused: "A paragraph break cannot be suggested here" };
  const suggestion = blockSuggestionFor("split", ctx);
  const tr = state.tr.split(pos, depth, types);
  // The new nodes open right after the `depth` closing tokens; mark each level.
  for (let level = 0; level < depth; level++) tr.setNodeAttribute(pos + depth + level, BLOCK_SUGGESTION, encodeBlockSuggestion(suggestion));
  tr.setSelection(TextSelection.create(tr.doc, pos + 2 * depth)).scrollIntoView();
  tr.setMeta(SUGGESTION_STRUCTURED_META, true);
  return { transaction: tr };
}

/** Backspace at the start of a textblock: suggest joining its block with the one before. */
export function suggestJoin(state: EditorState, ctx: StructureContext): StructureResult {
  const selection = state.selection;
  if (!(selection instanceof TextSelection) || !selection.$cursor || selection.$cursor.parentOffset !== 0) return null;
  const $cursor = selection.$cursor;
  // The innermost block around the cursor that has a block before it: the
  // paragraph itself, or the list item it opens.
  let depth = $cursor.depth;
  while (depth > 0 && $cursor.index(depth - 1) === 0) depth--;
  if (depth === 0) return { transaction: state.tr.setMeta(SUGGESTION_STRUCTURED_META, true) }; // the first block: nothing before it
  const pos = $cursor.before(depth);
  const block: ProseMirrorNode = $cursor.node(depth);
  const range = joinRange(state.doc, pos);
  if (!range) return { refused: "This block cannot be joined with the one before it" };
  const existing = asBlockSuggestion(block.attrs[BLOCK_SUGGESTION]);
  const tr = state.tr;
  if (existing && existing.authorId === ctx.author.id && existing.kind === "split") {
    // Withdrawing one's own paragraph break: join for real.
    tr.delete(range.from, range.to);
  } else if (existing && existing.authorId === ctx.author.id && existing.kind === "join") {
    return { transaction: tr.setMeta(SUGGESTION_STRUCTURED_META, true) };
  } else if (existing) {
    return { refused: "This block already has a suggestion" };
  } else {
    tr.setNodeAttribute(pos, BLOCK_SUGGESTION, encodeBlockSuggestion(blockSuggestionFor("join", ctx)));
  }
  tr.setMeta(SUGGESTION_STRUCTURED_META, true);
  return { transaction: tr.scrollIntoView() };
}
