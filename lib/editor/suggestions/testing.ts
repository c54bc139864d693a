// Helpers shared by the suggestion tests (not used by the app).
import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { documentExtensions } from "../documentExtensions";
import { SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs, type SuggestionAuthor } from "./marks";
import { suggestTransaction } from "./suggestTransaction";

export const schema = getSchema(documentExtensions());
export const AYSE: SuggestionAuthor = { id: "a", name: "Ayşe Demir" };
export const DANIEL: SuggestionAuthor = { id: "b", name: "Daniel Okafor" };
export const CREATED_AT = "2026-05-16T10:00:00.000Z";

export function attrs(author: SuggestionAuthor, id: string): SuggestionAttrs {
  return { id, authorId: author.id, authorName: author.name, createdAt: CREATED_AT };
}

export function text(value: string, ...marks: { type: string; attrs?: Record<string, unknown> }[]): JSONContent {
  return marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
}
export const ins = (author: SuggestionAuthor, id: string) => ({ type: SUGGESTION_INSERT, attrs: attrs(author, id) });
export const del = (author: SuggestionAuthor, id: string) => ({ type: SUGGESTION_DELETE, attrs: attrs(author, id) });
export const bold = { type: "bold" };

export function paragraph(...content: (string | JSONContent)[]): JSONContent {
  const nodes = content.map((part) => (typeof part === "string" ? text(part) : part));
  return nodes.length > 0 ? { type: "paragraph", content: nodes } : { type: "paragraph" };
}

export function docJSON(...blocks: JSONContent[]): JSONContent {
  return { type: "doc", content: blocks };
}

/** An editor state for `blocks`, with an optional text selection (document positions). */
export function stateOf(blocks: JSONContent[], selection?: { from: number; to?: number }, plugins: EditorState["plugins"] = []): EditorState {
  const doc = schema.nodeFromJSON(docJSON(...blocks));
  const state = EditorState.create({ schema, doc, plugins });
  if (!selection) return state;
  return state.apply(state.tr.setSelection(TextSelection.create(doc, selection.from, selection.to ?? selection.from)));
}

let counter = 0;
export function resetIds(): void {
  counter = 0;
}

/** Applies `tr` in suggesting mode as `author`; throws when it is refused. */
export function suggest(state: EditorState, tr: Transaction, author: SuggestionAuthor = AYSE): EditorState {
  const result = suggestTransaction(tr, state, { author, now: () => CREATED_AT, newId: () => `s${++counter}` });
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return state.apply(result.transaction);
}

export function refusal(state: EditorState, tr: Transaction, author: SuggestionAuthor = AYSE): string | null {
  const result = suggestTransaction(tr, state, { author, now: () => CREATED_AT, newId: () => `s${++counter}` });
  return result.ok ? null : result.reason;
}

/** Runs a command and returns the transaction it dispatched. */
export function commandTransaction(state: EditorState, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): Transaction | null {
  let dispatched: Transaction | null = null;
  command(state, (tr) => (dispatched = tr));
  return dispatched;
}

/**
 * The textblocks of a document as strings, suggestions shown as
 * `[+author:id text]` / `[-author:id text]` (both when the text has both).
 */
export function show(doc: ProseMirrorNode): string[] {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let line = "";
    node.forEach((child) => {
      const value = child.isText ? (child.text ?? "") : "⏎";
      const flags = child.marks
        .filter((mark) => mark.type.name === SUGGESTION_INSERT || mark.type.name === SUGGESTION_DELETE)
        .map((mark) => `${mark.type.name === SUGGESTION_INSERT ? "+" : "-"}${mark.attrs.authorId}:${mark.attrs.id}`)
        .sort()
        .join("");
      line += flags ? `[${flags} ${value}]` : value;
    });
    lines.push(line);
    return false;
  });
  return lines;
}
