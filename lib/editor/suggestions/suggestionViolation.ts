// Client-side twin of the server's check: would the server accept this
// document change from a suggester? Used to drop local edits in suggesting
// mode that the server would refuse (which would leave this client out of
// sync with everyone else).
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { BLOCK_SUGGESTION, asBlockSuggestion } from "./blockSuggestion";
import { compareSuggesterBlocks, type JSONNode } from "./projection";

/**
 * Null when going from `before` to `after` only touches `authorId`'s own
 * suggestions; otherwise the reason. Unchanged top-level blocks (ProseMirror
 * reuses them by identity) are skipped, so a keystroke costs one block.
 */
export function suggestionViolation(before: ProseMirrorNode, after: ProseMirrorNode, authorId: string): string | null {
  let start = 0;
  let endBefore = before.childCount;
  let endAfter = after.childCount;
  while (start < endBefore && start < endAfter && before.child(start) === after.child(start)) start++;
  while (endBefore > start && endAfter > start && before.child(endBefore - 1) === after.child(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (start === endBefore && start === endAfter) return null;
  // A block split off as a suggestion projects as part of the block before it:
  // compare that block too (the server does the same).
  const startsWithSplit = (doc: ProseMirrorNode, index: number) =>
    index < doc.childCount && asBlockSuggestion(doc.child(index).attrs[BLOCK_SUGGESTION])?.kind === "split";
  while (start > 0 && (startsWithSplit(before, start) || startsWithSplit(after, start))) start--;
  const blocks = (doc: ProseMirrorNode, from: number, to: number): JSONNode[] => {
    const out: JSONNode[] = [];
    for (let i = from; i < to; i++) out.push(doc.child(i).toJSON() as JSONNode);
    return out;
  };
  return compareSuggesterBlocks(blocks(before, start, endBefore), blocks(after, start, endAfter), authorId);
}
