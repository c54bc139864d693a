// Accepting and rejecting suggestions: plain document transactions (so they
// reach Yjs like any edit and the collaborative undo manager can revert them).
//
//   accept insertion = remove the mark, keep the text
//   accept deletion  = remove the text
//   reject insertion = remove the text
//   reject deletion  = remove the mark, keep the text
//   accept format    = remove the mark, keep the formatting
//   reject format    = restore the recorded formatting, remove the mark
// Structure suggestions: reviewBlocks.ts.
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { findSuggestionNodes } from "./listSuggestions";
import { type SuggestionAttrs, isSuggestionMark, parsePreviousMarks } from "./marks";
import { findBlockSuggestions, reviewBlockSuggestions } from "./reviewBlocks";
import { SUGGESTION_SKIP_META } from "./meta";

export { SUGGESTION_SKIP_META };

export type SuggestionFilter = { authorId?: string };

export type ReviewDecision = "accept" | "reject";

/**
 * Adds to `tr` the steps that accept or reject every suggestion (in `tr.doc`)
 * matched by `matches`. Returns false, adding nothing, when there is none.
 */
export function reviewSuggestions(
  tr: Transaction,
  decision: ReviewDecision,
  matches: (attrs: SuggestionAttrs) => boolean,
): boolean {
  const nodes = findSuggestionNodes(tr.doc, matches);
  const blocks = findBlockSuggestions(tr.doc, matches);
  if (nodes.length === 0 && blocks.length === 0) return false;
  const stepsBefore = tr.steps.length;
  const schema = tr.doc.type.schema;
  const removeText: { from: number; to: number }[] = [];
  for (const node of nodes) {
    if (node.kind === "format") {
      if (decision === "reject") {
        const previous = parsePreviousMarks(node.mark.attrs.previous) ?? [];
        const current = tr.doc.nodeAt(node.from);
        for (const mark of current?.marks ?? []) if (!isSuggestionMark(mark)) tr.removeMark(node.from, node.to, mark.type);
        for (const mark of previous) {
          const type = schema.marks[mark.type];
          if (type) tr.addMark(node.from, node.to, type.create(mark.attrs));
        }
      }
      tr.removeMark(node.from, node.to, node.mark);
      continue;
    }
    const keepText = (decision === "accept") === (node.kind === "insert");
    if (keepText) tr.removeMark(node.from, node.to, node.mark);
    else removeText.push({ from: node.from, to: node.to });
  }
  // Removing marks does not move positions; delete back to front so earlier
  // positions stay valid, merging touching ranges into one step.
  removeText.sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const range of removeText) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  for (let i = merged.length - 1; i >= 0; i--) tr.delete(merged[i]!.from, merged[i]!.to);
  reviewBlockSuggestions(tr, decision, blocks, stepsBefore);
  tr.setMeta(SUGGESTION_SKIP_META, true);
  return true;
}

/** The same as a standalone transaction on `state`, or null when nothing matches. */
export function reviewSuggestionsTransaction(
  state: EditorState,
  decision: ReviewDecision,
  matches: (attrs: SuggestionAttrs) => boolean,
): Transaction | null {
  const tr = state.tr;
  return reviewSuggestions(tr, decision, matches) ? tr : null;
}

export function suggestionMatcher(id: string): (attrs: SuggestionAttrs) => boolean {
  return (attrs) => attrs.id === id;
}

export function filterMatcher(filter: SuggestionFilter = {}): (attrs: SuggestionAttrs) => boolean {
  return (attrs) => filter.authorId === undefined || attrs.authorId === filter.authorId;
}
