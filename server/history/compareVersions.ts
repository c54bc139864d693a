// Compares two versions (or a version and the current text): what the later
// one inserted and deleted, word by word (prosemirror-changeset's token diff),
// shown in the later text with insertions attributed to whoever typed them.
import type * as Y from "yjs";
import type { VersionComparison, VersionRef } from "../../lib/history/historyTypes";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { documentJSONFromYDoc, documentSchema } from "../documents/documentState";
import type { Actor } from "../policies";
import { authorsOf, loadAuthorOf, textRuns } from "./authorship";
import { findPeople } from "../users/findPeople";
import { diffDocuments, markChanges } from "./diffDocuments";
import { renderHistoryHtml } from "./renderHistoryHtml";
import { loadVersionDoc } from "./versions";

export async function compareVersions(actor: Actor, documentId: string, from: VersionRef, to: VersionRef): Promise<VersionComparison> {
  await getDocumentRoleOrThrow(actor, documentId);
  const authorOf = await loadAuthorOf(documentId);
  const [before, after] = await Promise.all([loadRef(documentId, from), loadRef(documentId, to)]);
  try {
    const runs = textRuns(after);
    const schema = documentSchema();
    const comparison = diffDocuments(schema.nodeFromJSON(documentJSONFromYDoc(before)), schema.nodeFromJSON(documentJSONFromYDoc(after)));
    const { changes } = comparison;
    // Each insertion is credited to whoever typed most of it.
    const insertedBy = changes.map((change) => authorsOf(runs, authorOf, { from: change.fromB, to: change.toB })[0]?.authorId);
    const people = await findPeople(insertedBy);
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
