// Accepting and rejecting structure suggestions (blockSuggestion.ts):
//
//   kind    accept                      reject
//   split   drop the attribute          join back into the block before
//   join    join into the block before  drop the attribute
//   change  drop the attribute          restore the recorded type and attributes
//   wrap    drop the attribute          take the container off, keep its content
//   unwrap  take the container off      drop the attribute
//   insert  drop the attribute          remove the block
//   delete  remove the block            drop the attribute
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { BLOCK_SUGGESTION, type BlockSuggestion, asBlockSuggestion, previousBlock } from "./blockSuggestion";
import { joinRange } from "./blockPositions";
import type { SuggestionAttrs } from "./marks";

export type BlockSuggestionAt = { pos: number; node: ProseMirrorNode; suggestion: BlockSuggestion };

/** Every block carrying a suggestion matched by `matches`, in document order. */
export function findBlockSuggestions(doc: ProseMirrorNode, matches: (attrs: SuggestionAttrs) => boolean): BlockSuggestionAt[] {
  const found: BlockSuggestionAt[] = [];
  doc.descendants((node, pos) => {
    if (node.isInline) return false;
    const suggestion = asBlockSuggestion(node.attrs[BLOCK_SUGGESTION]);
    if (suggestion && matches(suggestion)) found.push({ pos, node, suggestion });
    return true;
  });
  return found;
}

/**
 * Adds to `tr` the steps that accept or reject `targets` (found in the
 * document as it was when the transaction had `stepsBefore` steps).
 */
export function reviewBlockSuggestions(tr: Transaction, decision: "accept" | "reject", targets: readonly BlockSuggestionAt[], stepsBefore: number): void {
  // A suggestion spanning nested blocks (a split list item and its
  // paragraph, a new list and its items) is acted on at its outermost block.
  const outermost = targets.filter(
    (target) => !targets.some((other) => other !== target && other.suggestion.id === target.suggestion.id && other.pos < target.pos && other.pos + other.node.nodeSize > target.pos),
  );
  // Blocks that go (a rejected insertion, an accepted deletion) first, so a
  // split next to an inserted figure joins back to the text before it; then
  // the rest. Back to front in each pass: each change moves only what follows
  // it (a join also touches the end of the block before, whose start stays put).
  const removes = (target: BlockSuggestionAt) =>
    (target.suggestion.kind === "insert" && decision === "reject") || (target.suggestion.kind === "delete" && decision === "accept");
  const ordered = [...outermost.filter(removes).reverse(), ...outermost.filter((target) => !removes(target)).reverse()];
  for (const target of ordered) {
    const pos = tr.mapping.slice(stepsBefore).map(target.pos, 1);
    const node = tr.doc.nodeAt(pos);
    if (!node) continue;
    applyDecision(tr, decision, target.suggestion, pos, node);
  }
}

function applyDecision(tr: Transaction, decision: "accept" | "reject", suggestion: BlockSuggestion, pos: number, node: ProseMirrorNode): void {
  const clear = () => {
    tr.setNodeAttribute(pos, BLOCK_SUGGESTION, null);
    // Inner blocks of the same suggestion, found below this one.
    node.descendants((child, offset) => {
      if (asBlockSuggestion(child.attrs[BLOCK_SUGGESTION])?.id === suggestion.id) tr.setNodeAttribute(pos + 1 + offset, BLOCK_SUGGESTION, null);
      return !child.isTextblock;
    });
  };
  const take = (accepting: boolean) => (decision === "accept") === accepting;
  switch (suggestion.kind) {
    case "split":
    case "join": {
      const joins = (suggestion.kind === "split" && take(false)) || (suggestion.kind === "join" && take(true));
      if (!joins) return clear();
      const range = joinRange(tr.doc, pos);
      if (range) tr.delete(range.from, range.to);
      else if (node.textContent === "" && node.childCount <= 1) tr.delete(pos, pos + node.nodeSize);
      else clear();
      return;
    }
    case "change": {
      if (decision === "accept") return clear();
      const previous = previousBlock(suggestion);
      const type = previous ? tr.doc.type.schema.nodes[previous.type] : undefined;
      if (!previous || !type) return clear();
      try {
        tr.setNodeMarkup(pos, type, { ...(previous.attrs ?? {}), [BLOCK_SUGGESTION]: null });
      } catch {
        clear(); // the content no longer fits the old type: keep the block as it is
      }
      return;
    }
    case "wrap":
    case "unwrap": {
      const unwraps = (suggestion.kind === "wrap" && take(false)) || (suggestion.kind === "unwrap" && take(true));
      if (!unwraps) return clear();
      const content: ProseMirrorNode[] = [];
      const isList = node.type.name === "bulletList" || node.type.name === "orderedList";
      node.forEach((child) => {
        if (isList) child.forEach((grandchild) => content.push(grandchild));
        else content.push(child);
      });
      try {
        tr.replaceWith(pos, pos + node.nodeSize, content);
      } catch {
        clear();
      }
      return;
    }
    case "insert":
    case "delete": {
      const removes = (suggestion.kind === "insert" && take(false)) || (suggestion.kind === "delete" && take(true));
      if (!removes) return clear();
      tr.delete(pos, pos + node.nodeSize);
      return;
    }
  }
}
