// Two pending suggestions of the structure-and-formatting kind by the second
// analyst, so a new user sees them in the seeded analysis at once: a
// paragraph break and bold on a phrase. Made with the editor's own
// suggesting code (the same transactions Enter and the Bold button produce),
// so they are exactly what a browser would have stored.
import type { JSONContent } from "@tiptap/core";
import { toggleMark } from "@tiptap/pm/commands";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { suggestSplit } from "../../lib/editor/suggestions/structureCommands";
import { newSuggestionId, suggestTransaction } from "../../lib/editor/suggestions/suggestTransaction";
import { withoutEmptyBlockSuggestions } from "../../lib/editor/suggestions/blockSuggestion";
import { documentSchema } from "../documents/documentState";

/** Where the paragraph break goes (before this text) and which phrase is made bold. */
export const SEEDED_BREAK_BEFORE = "On 14–15 May 2025";
export const SEEDED_BOLD_PHRASE = "a restart rather than a breakthrough";

export function withSeededStructureSuggestions(content: JSONContent, author: { id: string; name: string }, createdAt: Date): JSONContent {
  const schema = documentSchema();
  let state = EditorState.create({ schema, doc: schema.nodeFromJSON(content) });
  const ctx = { author, newId: newSuggestionId, now: () => createdAt.toISOString() };

  const breakAt = positionOf(state.doc, SEEDED_BREAK_BEFORE);
  const split = suggestSplit(state.apply(state.tr.setSelection(TextSelection.create(state.doc, breakAt))), ctx);
  if (!split || !("transaction" in split)) throw new Error("The seeded paragraph break could not be made");
  state = state.apply(split.transaction);

  const from = positionOf(state.doc, SEEDED_BOLD_PHRASE);
  const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + SEEDED_BOLD_PHRASE.length)));
  let bold: Transaction | null = null;
  toggleMark(schema.marks.bold!)(selected, (tr) => (bold = tr));
  const suggested = suggestTransaction(bold!, selected, ctx);
  if (!suggested.ok) throw new Error(`The seeded bold could not be suggested: ${suggested.reason}`);
  state = selected.apply(suggested.transaction);
  return withoutEmptyBlockSuggestions(state.doc.toJSON() as JSONContent);
}

function positionOf(doc: ProseMirrorNode, needle: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle);
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" is not in the seeded analysis`);
  return found;
}
