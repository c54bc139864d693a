// The text as it stands, before anyone's pending suggestions: what an export
// contains. Rejecting every suggestion gives exactly that — suggested
// insertions go, suggested deletions stay as plain text — using the same
// transaction the editor's "Reject all" runs. Structure and formatting
// suggestions are rejected too: a split paragraph is joined back, a suggested
// heading is a paragraph again, suggested bold is gone.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { BLOCK_SUGGESTION } from "../../lib/editor/suggestions/blockSuggestion";
import { suggestionMarkTypes } from "../../lib/editor/suggestions/marks";
import { reviewSuggestionsTransaction } from "../../lib/editor/suggestions/review";

export function withoutSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  const state = EditorState.create({ doc });
  const tr = reviewSuggestionsTransaction(state, "reject", () => true) ?? state.tr;
  // No suggestion mark may reach an export, even one the review pass did not
  // visit (a malformed mark without an id, say): take off whatever is left.
  const { insert, delete: del, format } = suggestionMarkTypes(doc.type.schema);
  tr.removeMark(0, tr.doc.content.size, insert).removeMark(0, tr.doc.content.size, del).removeMark(0, tr.doc.content.size, format);
  tr.doc.descendants((node, pos) => {
    if (node.attrs[BLOCK_SUGGESTION] != null) tr.setNodeAttribute(pos, BLOCK_SUGGESTION, null);
    return !node.isTextblock;
  });
  return tr.doc;
}
