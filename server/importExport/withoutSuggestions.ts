// The text as it stands, before anyone's pending suggestions: what an export
// contains. Rejecting every suggestion gives exactly that — suggested
// insertions go, suggested deletions stay as plain text — using the same
// transaction the editor's "Reject all" runs.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { suggestionMarkTypes } from "../../lib/editor/suggestions/marks";
import { reviewSuggestionsTransaction } from "../../lib/editor/suggestions/review";

export function withoutSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  const state = EditorState.create({ doc });
  const tr = reviewSuggestionsTransaction(state, "reject", () => true) ?? state.tr;
  // No suggestion mark may reach an export, even one the review pass did not
  // visit (a malformed mark without an id, say): take off whatever is left.
  const { insert, delete: del } = suggestionMarkTypes(doc.type.schema);
  tr.removeMark(0, tr.doc.content.size, insert).removeMark(0, tr.doc.content.size, del);
  return tr.doc;
}
