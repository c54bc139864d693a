// Backspace and Delete in suggesting mode, with a caret that walks over text
// already suggested for deletion: each press strikes the next live character,
// and never joins blocks.
import type { Command } from "@tiptap/pm/state";
import { TextSelection } from "@tiptap/pm/state";
import { suggestionMarkTypes } from "./marks";

/**
 * Deletes (i.e. strikes, once the transaction is turned into a suggestion)
 * the first live character before (-1) or after (1) an empty cursor. Returns
 * false for non-empty selections so the normal handlers delete the selection.
 */
export function deleteCharacterCommand(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const selection = state.selection;
    if (!(selection instanceof TextSelection) || !selection.$cursor) return false;
    const deleteType = suggestionMarkTypes(state.schema).delete;
    const start = selection.$cursor.pos;
    let pos = start;
    for (;;) {
      const $pos = state.doc.resolve(pos);
      const node = direction < 0 ? $pos.nodeBefore : $pos.nodeAfter;
      if (!node) break; // edge of the textblock: nothing more to delete here
      if (!node.isText || deleteType.isInSet(node.marks)) {
        pos += direction * node.nodeSize;
        continue;
      }
      const length = direction < 0 ? lengthOfLastCharacter(node.text ?? "") : lengthOfFirstCharacter(node.text ?? "");
      if (dispatch) {
        const tr = direction < 0 ? state.tr.delete(pos - length, pos) : state.tr.delete(pos, pos + length);
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    if (dispatch && pos !== start) dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)).scrollIntoView());
    return true;
  };
}

function lengthOfLastCharacter(text: string): number {
  const last = text.charCodeAt(text.length - 1);
  const previous = text.charCodeAt(text.length - 2);
  return last >= 0xdc00 && last <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff ? 2 : 1;
}

function lengthOfFirstCharacter(text: string): number {
  const first = text.charCodeAt(0);
  const next = text.charCodeAt(1);
  return first >= 0xd800 && first <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
