// The word-level difference between two documents (prosemirror-changeset's
// token diff over the one range where they differ), and the later document
// with that difference marked for display.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { ChangeSet } from "@tiptap/pm/changeset";
import { StepMap, Transform } from "@tiptap/pm/transform";
import { suggestionMarkTypes } from "../../lib/editor/suggestions/marks";
import { COMPARISON_MARK_ID } from "./renderHistoryHtml";

export type Comparison = { a: ProseMirrorNode; b: ProseMirrorNode; changes: readonly { fromA: number; toA: number; fromB: number; toB: number }[] };

/** The word-level changes from `a` to `b`. */
export function diffDocuments(a: ProseMirrorNode, b: ProseMirrorNode): Comparison {
  const start = a.content.findDiffStart(b.content);
  if (start === null) return { a, b, changes: [] };
  const end = a.content.findDiffEnd(b.content)!;
  // findDiffEnd can overlap findDiffStart when the change repeats nearby text; clamp both ends.
  let endA = end.a;
  let endB = end.b;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  // One replaced range is enough: ChangeSet diffs its contents token by token.
  const changeSet = ChangeSet.create(a).addSteps(b, [new StepMap([start, endA - start, endB - start])], null);
  return { a, b, changes: changeSet.changes };
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
