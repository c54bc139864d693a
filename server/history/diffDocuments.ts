// The word-level difference between two documents (prosemirror-changeset's
// token diff over the runs of blocks that differ), and the later document
// with that difference marked for display.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { ChangeSet, simplifyChanges } from "@tiptap/pm/changeset";
import { StepMap, Transform } from "@tiptap/pm/transform";
import { suggestionMarkTypes } from "../../lib/editor/suggestions/marks";
import { COMPARISON_MARK_ID } from "./renderHistoryHtml";

export type Comparison = { a: ProseMirrorNode; b: ProseMirrorNode; changes: readonly { fromA: number; toA: number; fromB: number; toB: number }[] };

/** The word-level changes from `a` to `b`. */
export function diffDocuments(a: ProseMirrorNode, b: ProseMirrorNode): Comparison {
  const ranges = changedBlockRanges(a, b);
  if (ranges.length === 0) return { a, b, changes: [] };
  // ChangeSet diffs each replaced range token by token; it gives up on ranges
  // over a few thousand tokens (reporting them whole), so the ranges are the
  // runs of top-level blocks that differ, not one span from first to last change.
  // One step per range, as if applied in order: each starts where the earlier ones left it (its position in `b`).
  const steps = ranges.map((range) => new StepMap([range.fromB, range.toA - range.fromA, range.toB - range.fromB]));
  const changeSet = ChangeSet.create(a).addSteps(b, steps, null);
  // The diff is by character; a reader wants whole words replaced, not "Ank|ara" patched letter by letter.
  return { a, b, changes: simplifyChanges(changeSet.changes, b) };
}

type BlockRange = { fromA: number; toA: number; fromB: number; toB: number };

/** Past this many cells the block alignment stops looking for moved blocks and treats the middle as one range. */
const MAX_ALIGNMENT_CELLS = 4_000_000;

/**
 * Runs of top-level blocks that differ between `a` and `b`, in document
 * positions, aligned by the longest common subsequence of equal blocks.
 */
export function changedBlockRanges(a: ProseMirrorNode, b: ProseMirrorNode): BlockRange[] {
  const blocksA = childrenOf(a);
  const blocksB = childrenOf(b);
  let head = 0;
  while (head < blocksA.length && head < blocksB.length && blocksA[head]!.eq(blocksB[head]!)) head++;
  let tail = 0;
  while (tail < blocksA.length - head && tail < blocksB.length - head && blocksA[blocksA.length - 1 - tail]!.eq(blocksB[blocksB.length - 1 - tail]!)) tail++;
  const middleA = blocksA.slice(head, blocksA.length - tail);
  const middleB = blocksB.slice(head, blocksB.length - tail);

  const pairs = middleA.length * middleB.length <= MAX_ALIGNMENT_CELLS ? commonBlocks(middleA, middleB) : [];
  const offsetsA = blockOffsets(blocksA);
  const offsetsB = blockOffsets(blocksB);
  const ranges: BlockRange[] = [];
  let indexA = head;
  let indexB = head;
  for (const [matchA, matchB] of [...pairs.map(([i, j]) => [i + head, j + head] as const), [blocksA.length - tail, blocksB.length - tail] as const]) {
    if (matchA > indexA || matchB > indexB) {
      ranges.push({ fromA: offsetsA[indexA]!, toA: offsetsA[matchA]!, fromB: offsetsB[indexB]!, toB: offsetsB[matchB]! });
    }
    indexA = matchA + 1;
    indexB = matchB + 1;
  }
  return ranges;
}

function childrenOf(node: ProseMirrorNode): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(child));
  return children;
}

/** Position before each block, and the end: offsets[i] is where block i starts. */
function blockOffsets(blocks: ProseMirrorNode[]): number[] {
  const offsets = [0];
  for (const block of blocks) offsets.push(offsets.at(-1)! + block.nodeSize);
  return offsets;
}

/** Index pairs of equal blocks in a longest common subsequence, in order. */
function commonBlocks(a: ProseMirrorNode[], b: ProseMirrorNode[]): [number, number][] {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i]!.eq(b[j]!) ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.eq(b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * `b` with what it inserted marked, and what it deleted put back (struck out)
 * just before, as comparison marks that the history renderer styles.
 */
export function markChanges({ a, b, changes }: Comparison, authorNameOf: (changeIndex: number) => string): ProseMirrorNode {
  const marks = suggestionMarkTypes(b.type.schema);
  const attrs = (authorName: string) => ({ id: COMPARISON_MARK_ID, authorId: "", authorName, createdAt: "" });

  const deletedMarked = new Transform(a);
  for (const change of changes) {
    if (change.toA > change.fromA) deletedMarked.addMark(change.fromA, change.toA, marks.delete.create(attrs("")));
  }
  const result = new Transform(b);
  changes.forEach((change, index) => {
    if (change.toB > change.fromB) result.addMark(change.fromB, change.toB, marks.insert.create(attrs(authorNameOf(index))));
  });
  // From the end backwards, so earlier positions stay valid.
  for (const change of [...changes].reverse()) {
    if (change.toA > change.fromA) result.replace(change.fromB, change.fromB, deletedMarked.doc.slice(change.fromA, change.toA));
  }
  return result.doc;
}
