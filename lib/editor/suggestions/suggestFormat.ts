// Bold, italic and links while suggesting. The formatting is applied (the
// text shows it as suggested) and each affected stretch of text gets a
// `suggestionFormat` mark recording the formatting it had before, so
// rejecting restores exactly that. A second change to the same text keeps
// the first recorded state; changing it back withdraws the suggestion.
// Formatting one's own suggested insertion needs no record: it is all new.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep } from "@tiptap/pm/transform";
import { SUGGESTION_INSERT, type SuggestionAttrs, encodePreviousMarks, isSuggestionMark, suggestionMarkTypes } from "./marks";
import { SUGGESTION_REWRITTEN_META } from "./meta";
import type { SuggestContext, SuggestResult } from "./suggestTransaction";

/** Whether `tr` only adds or removes marks (what bold, italic and link commands do). */
export function isMarkOnlyTransaction(tr: Transaction): boolean {
  return tr.steps.length > 0 && tr.steps.every((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep);
}

export function suggestFormat(tr: Transaction, state: EditorState, ctx: SuggestContext & { newId: () => string; now: () => string }): SuggestResult {
  const types = suggestionMarkTypes(state.schema);
  const authorId = ctx.author.id;
  let from = Infinity;
  let to = -Infinity;
  for (const step of tr.steps as (AddMarkStep | RemoveMarkStep)[]) {
    if (isSuggestionMark(step.mark)) return { ok: false, reason: "Suggestion marks cannot be set by hand" };
    from = Math.min(from, step.from);
    to = Math.max(to, step.to);
  }
  // Mark steps do not move positions, so the same position names the same
  // character before and after; walk the boundaries of both documents.
  const cuts = new Set<number>([from, to]);
  const collect = (doc: ProseMirrorNode) =>
    doc.nodesBetween(from, to, (node, pos) => {
      if (node.isText) cuts.add(Math.max(pos, from)).add(Math.min(pos + node.nodeSize, to));
      return true;
    });
  collect(state.doc);
  collect(tr.doc);
  const points = [...cuts].sort((a, b) => a - b);

  let fresh: SuggestionAttrs | null = null;
  const out = tr;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const before = state.doc.nodeAt(start);
    const after = out.doc.nodeAt(start);
    if (!before?.isText || !after?.isText) continue;
    const suggestionMarks = before.marks.filter(isSuggestionMark);
    const others = suggestionMarks.filter((mark) => mark.attrs.authorId !== authorId);
    const ownInsert = suggestionMarks.some((mark) => mark.type.name === SUGGESTION_INSERT && mark.attrs.authorId === authorId);
    if (ownInsert && others.length === 0) continue;
    const otherFormat = types.format.isInSet(before.marks);
    if (otherFormat && otherFormat.attrs.authorId !== authorId) return { ok: false, reason: "This text already has another person's formatting suggestion" };
    const ownFormat = otherFormat;
    const previous = ownFormat ? String(ownFormat.attrs.previous) : encodePreviousMarks(before.marks);
    const now = encodePreviousMarks(after.marks);
    if (now === previous) {
      if (ownFormat) out.removeMark(start, end, types.format);
      continue;
    }
    const attrs: SuggestionAttrs = ownFormat
      ? { id: ownFormat.attrs.id, authorId, authorName: ownFormat.attrs.authorName, createdAt: ownFormat.attrs.createdAt }
      : (fresh ??= { id: ctx.newId(), authorId, authorName: ctx.author.name, createdAt: ctx.now() });
    out.addMark(start, end, types.format.create({ ...attrs, previous }));
  }
  out.setMeta(SUGGESTION_REWRITTEN_META, true);
  return { ok: true, transaction: out };
}
