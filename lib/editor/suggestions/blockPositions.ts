// Where the boundary between a block and the one before it is, in the
// innermost textblocks on either side: deleting the range between them joins
// the two blocks at every level (two list items and their paragraphs), which
// is exactly what undoing a split or accepting a join means.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/**
 * The range to delete to join the block starting at `pos` into the block
 * before it, or null when either side has no textblock at that edge (a
 * figure, a table) or there is no block before.
 */
export function joinRange(doc: ProseMirrorNode, pos: number): { from: number; to: number } | null {
  const $pos = doc.resolve(pos);
  let before = $pos.nodeBefore;
  let after = $pos.nodeAfter;
  if (!before || !after) return null;
  let from = pos;
  let to = pos;
  // Step into the last child before and the first child after until both are textblocks.
  for (;;) {
    if (!before.isTextblock) {
      if (before.isAtom || !before.lastChild) return null;
      from -= 1;
      before = before.lastChild;
      continue;
    }
    break;
  }
  for (;;) {
    if (!after.isTextblock) {
      if (after.isAtom || !after.firstChild) return null;
      to += 1;
      after = after.firstChild;
      continue;
    }
    break;
  }
  return { from: from - 1, to: to + 1 };
}
