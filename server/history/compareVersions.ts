// Compares two versions (or a version and the current text): what the later
// one inserted and deleted, word by word (prosemirror-changeset's token diff),
// shown in the later text with insertions attributed to whoever typed them.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { ChangeSet } from "@tiptap/pm/changeset";
import { StepMap, Transform } from "@tiptap/pm/transform";
import type * as Y from "yjs";
import type { VersionComparison, VersionRef } from "../../lib/history/historyTypes";
import { suggestionMarkTypes } from "../../lib/editor/suggestions/marks";
import { getPrisma } from "../db/prisma";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { flushLiveDocument } from "../collab/serverEdits";
import { documentJSONFromYDoc, documentSchema } from "../documents/documentState";
import type { Actor } from "../policies";
import { authorsOf, loadClientAuthors, textRuns } from "./authorship";
import { loadPeople } from "./blockAuthorship";
import { COMPARISON_MARK_ID, renderHistoryHtml } from "./renderHistoryHtml";
import { loadVersionDoc } from "./versions";

export async function compareVersions(actor: Actor, documentId: string, from: VersionRef, to: VersionRef): Promise<VersionComparison> {
  await getDocumentRoleOrThrow(actor, documentId);
  // The log must hold every edit in the text compared, or its writer is unknown.
  await flushLiveDocument(documentId);
  const [before, after] = await Promise.all([loadRef(documentId, from), loadRef(documentId, to)]);
  try {
    const { createdById } = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { createdById: true } });
    const clientAuthors = await loadClientAuthors(documentId);
    const runs = textRuns(after);
    const schema = documentSchema();
    const comparison = diffDocuments(schema.nodeFromJSON(documentJSONFromYDoc(before)), schema.nodeFromJSON(documentJSONFromYDoc(after)));
    const { changes } = comparison;
    // Each insertion is credited to whoever typed most of it.
    const insertedBy = changes.map((change) => authorsOf(runs, clientAuthors, createdById, { from: change.fromB, to: change.toB })[0]?.authorId);
    const people = await loadPeople(insertedBy.flatMap((id) => id ?? []));
    const marked = markChanges(comparison, (index) => people.get(insertedBy[index] ?? "")?.name ?? "");
    return {
      from,
      to,
      html: renderHistoryHtml(marked.toJSON()),
      insertions: changes.filter((change) => change.toB > change.fromB).length,
      deletions: changes.filter((change) => change.toA > change.fromA).length,
    };
  } finally {
    before.destroy();
    after.destroy();
  }
}

function loadRef(documentId: string, ref: VersionRef): Promise<Y.Doc> {
  return ref === "current" ? loadCurrentDocument(documentId) : loadVersionDoc(documentId, ref);
}

type Comparison = { a: ProseMirrorNode; b: ProseMirrorNode; changes: readonly { fromA: number; toA: number; fromB: number; toB: number }[] };

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
function markChanges({ a, b, changes }: Comparison, authorNameOf: (changeIndex: number) => string): ProseMirrorNode {
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
