// Turning a local edit into a suggestion: the heart of suggesting mode.
//
// suggestTransaction() takes the transaction ProseMirror was about to apply
// (typing, deleting, pasting, cutting…) and builds an equivalent one that
//   - keeps deleted text, marking it `suggestionDelete` (text the same author
//     had suggested inserting is really removed instead, like Google Docs),
//   - inserts new text with a `suggestionInsert` mark by the author,
//   - never joins or splits blocks, never changes formatting or attributes.
// Anything it cannot express that way (Enter, list/heading changes, bold…)
// yields null: the caller drops the edit, because the server would refuse it.
import { Fragment, type Mark, type MarkType, type Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { type EditorState, Selection, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Mapping, ReplaceStep } from "@tiptap/pm/transform";
import { SUGGESTION_REWRITTEN_META } from "./meta";
import { isMarkOnlyTransaction, suggestFormat } from "./suggestFormat";
import { suggestStructure } from "./suggestStructure";
import { SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs, type SuggestionAuthor, isSuggestionMark, suggestionMarkTypes } from "./marks";

export type SuggestContext = {
  author: SuggestionAuthor;
  /** ISO timestamp for new suggestions (injectable for tests). */
  now?: () => string;
  /** Id for new suggestions (injectable for tests). */
  newId?: () => string;
};

export type SuggestResult = { ok: true; transaction: Transaction } | { ok: false; reason: string };

/** A fresh, collision-resistant suggestion id (works in insecure browser contexts too). */
export function newSuggestionId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The node just before/after `pos` inside its textblock, if any. */
function inlineNeighbours(doc: ProseMirrorNode, pos: number): { before: ProseMirrorNode | null; after: ProseMirrorNode | null } {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.inlineContent) return { before: null, after: null };
  return { before: $pos.nodeBefore, after: $pos.nodeAfter };
}

function ownSuggestionAttrs(node: ProseMirrorNode | null, authorId: string, prefer?: MarkType): SuggestionAttrs | null {
  if (!node) return null;
  // Text suggestions only: a format suggestion's id is not continued by typing.
  const own = node.marks.filter(
    (mark) => (mark.type.name === SUGGESTION_INSERT || mark.type.name === SUGGESTION_DELETE) && mark.attrs.authorId === authorId,
  );
  const chosen = own.find((mark) => mark.type === prefer) ?? own[0];
  return chosen ? (chosen.attrs as SuggestionAttrs) : null;
}

type Segment = { from: number; to: number; action: "remove" | "mark" | "keep" };

/**
 * What deleting [from, to) means in suggesting mode, per inline node:
 * remove the author's own suggested insertions, leave text that is already
 * suggested for deletion, mark the rest. Block boundaries are left alone.
 */
function deletionSegments(doc: ProseMirrorNode, from: number, to: number, authorId: string): Segment[] | string {
  const types = suggestionMarkTypes(doc.type.schema);
  const segments: Segment[] = [];
  let problem: string | null = null;
  doc.nodesBetween(from, to, (node, pos, parent) => {
    if (problem) return false;
    if (!node.isInline) return true;
    const segment = { from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to) };
    if (segment.from >= segment.to) return false;
    const insertMark = types.insert.isInSet(node.marks);
    const deleteMark = types.delete.isInSet(node.marks);
    if (!node.isText) {
      // Yjs (y-tiptap) does not store marks on inline nodes such as hard
      // breaks, so they cannot be suggested away: step over them.
      segments.push({ ...segment, action: "keep" });
    } else if (deleteMark) {
      segments.push({ ...segment, action: "keep" });
    } else if (insertMark && insertMark.attrs.authorId === authorId) {
      segments.push({ ...segment, action: "remove" });
    } else if (!parent || !parent.type.allowsMarkType(types.delete) || !canAddMark(node.marks, types.delete)) {
      problem = "Suggestions cannot include code";
    } else {
      segments.push({ ...segment, action: "mark" });
    }
    return false;
  });
  return problem ?? segments;
}

function canAddMark(marks: readonly Mark[], type: MarkType): boolean {
  return marks.every((mark) => mark.type === type || (!mark.type.excludes(type) && !type.excludes(mark.type)));
}

/** The inline content of a slice, block structure flattened (blocks joined by a space). */
function inlineContent(slice: Slice, schema: ProseMirrorNode["type"]["schema"]): ProseMirrorNode[] | null {
  const nodes: ProseMirrorNode[] = [];
  let sawBlock = false;
  const visit = (fragment: Fragment) => {
    fragment.forEach((node) => {
      if (node.isInline) {
        if (node.isText) nodes.push(node);
        else if (node.type.name === "hardBreak") nodes.push(schema.text(" ", node.marks));
        // other inline atoms: not representable as a suggestion; dropped
        return;
      }
      if (sawBlock && nodes.length > 0 && node.isTextblock) nodes.push(schema.text(" "));
      sawBlock = true;
      visit(node.content);
    });
  };
  visit(slice.content);
  return nodes.length > 0 ? nodes : null;
}

/**
 * Rewrites `tr` (made against `state`) into a suggestion by `ctx.author`.
 * Transactions that do not change the document are returned unchanged.
 */
export function suggestTransaction(tr: Transaction, state: EditorState, ctx: SuggestContext): SuggestResult {
  if (!tr.docChanged) return { ok: true, transaction: tr };
  const schema = state.schema;
  const types = suggestionMarkTypes(schema);
  const authorId = ctx.author.id;
  const now = ctx.now ?? (() => new Date().toISOString());
  const newId = ctx.newId ?? newSuggestionId;
  const freshAttrs = (): SuggestionAttrs => ({ id: newId(), authorId, authorName: ctx.author.name, createdAt: now() });
  // Bold, italic, links: a format suggestion. Block types, lists, quotes,
  // inserted or removed blocks: a structure suggestion. Text: below.
  if (isMarkOnlyTransaction(tr)) return suggestFormat(tr, state, { ...ctx, newId, now });
  if (isStructural(tr)) return suggestStructure(tr, state, { author: ctx.author, now, newId });

  const out = state.tr;
  // One suggestion per transaction: a replacement's deletion and insertion share it.
  let pairAttrs: SuggestionAttrs | null = null;
  let caret: { pos: number; stepCount: number } | null = null;
  const initialSelection = state.selection;

  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    if (!(step instanceof ReplaceStep)) return { ok: false, reason: "This change cannot be suggested" };
    // Positions in the doc this step applied to → the original doc → our doc.
    const back = invertedPrefix(tr.mapping, i);
    const toOut = (pos: number, assoc: number) => out.mapping.map(back.map(pos, assoc), assoc);
    let from = toOut(step.from, 1);
    let to = toOut(step.to, -1);
    if (to < from) to = from;

    if (from < to) {
      const segments = deletionSegments(out.doc, from, to, authorId);
      if (typeof segments === "string") return { ok: false, reason: segments };
      const toMark = segments.filter((segment) => segment.action === "mark");
      if (toMark.length > 0) {
        const { before } = inlineNeighbours(out.doc, from);
        const { after } = inlineNeighbours(out.doc, to);
        pairAttrs ??=
          ownSuggestionAttrs(before, authorId, types.delete) ?? ownSuggestionAttrs(after, authorId, types.delete) ?? freshAttrs();
        const mark = types.delete.create(pairAttrs);
        for (const segment of mergeTouching(toMark)) out.addMark(segment.from, segment.to, mark);
      }
      const toRemove = mergeTouching(segments.filter((segment) => segment.action === "remove"));
      const removalStart = out.steps.length;
      for (let k = toRemove.length - 1; k >= 0; k--) out.delete(toRemove[k]!.from, toRemove[k]!.to);
      // Re-map the range over what we removed.
      const removal = out.mapping.slice(removalStart);
      from = removal.map(from, -1);
      to = removal.map(to, 1);

      // Where the caret goes: Backspace (range ending at the cursor) moves it
      // to the start of the struck text so the next Backspace marks the
      // character before; Delete and deleting a selection leave it after.
      const backward = i === 0 && initialSelection.empty && step.to <= initialSelection.head;
      caret = { pos: backward ? from : to, stepCount: out.steps.length };
    }

    if (step.slice.size > 0) {
      const content = inlineContent(step.slice, schema);
      if (!content) return { ok: false, reason: "Paragraph breaks and structure changes cannot be suggested" };
      let at = to;
      if (!out.doc.resolve(at).parent.inlineContent) at = from;
      const $at = out.doc.resolve(at);
      if (!$at.parent.inlineContent) return { ok: false, reason: "Text can only be suggested inside a paragraph" };
      if (!$at.parent.type.allowsMarkType(types.insert)) return { ok: false, reason: "Suggestions cannot include code" };
      const { before, after } = inlineNeighbours(out.doc, at);
      pairAttrs ??=
        ownSuggestionAttrs(before, authorId, types.insert) ?? ownSuggestionAttrs(after, authorId, types.insert) ?? freshAttrs();
      const insertMark = types.insert.create(pairAttrs);
      const marked: ProseMirrorNode[] = [];
      for (const node of content) {
        const plainMarks = node.marks.filter((mark) => !isSuggestionMark(mark));
        if (!canAddMark(plainMarks, types.insert)) return { ok: false, reason: "Suggestions cannot include code" };
        marked.push(node.mark(insertMark.addToSet(plainMarks)));
      }
      const fragment = Fragment.from(marked);
      out.step(new ReplaceStep(at, at, new Slice(fragment, 0, 0)));
      caret = { pos: at + fragment.size, stepCount: out.steps.length };
    }
  }

  if (caret) {
    const pos = out.mapping.slice(caret.stepCount).map(caret.pos);
    const $pos = out.doc.resolve(pos);
    out.setSelection($pos.parent.inlineContent ? TextSelection.create(out.doc, pos) : Selection.near($pos));
  } else if (tr.selectionSet) {
    out.setSelection(tr.selection.map(out.doc, out.mapping));
  }
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks?.filter((mark) => !isSuggestionMark(mark)) ?? null);
  if (tr.scrolledIntoView) out.scrollIntoView();
  copyMeta(tr, out);
  out.setMeta(SUGGESTION_REWRITTEN_META, true);
  return { ok: true, transaction: out };
}

/**
 * Whether `tr` changes blocks rather than text: a step other than a plain
 * replacement (wrapping, lifting, changing a node's type or attributes), new
 * content that is not text (a figure, a table row), or a deletion of whole
 * blocks (a selected figure).
 */
function isStructural(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    if (!(step instanceof ReplaceStep)) return true;
    if (step.slice.size > 0) return inlineContent(step.slice, tr.docs[i]!.type.schema) === null;
    if (step.from === step.to) return false;
    const doc = tr.docs[i]!;
    return !doc.resolve(step.from).parent.inlineContent && !doc.resolve(step.to).parent.inlineContent;
  });
}

// Mapping.invert() ignores slice bounds, so invert the first `count` maps by hand.
function invertedPrefix(mapping: Mapping, count: number): Mapping {
  const inverted = new Mapping();
  for (let k = count - 1; k >= 0; k--) inverted.appendMap(mapping.maps[k]!.invert());
  return inverted;
}

function mergeTouching(segments: readonly Segment[]): { from: number; to: number }[] {
  const merged: { from: number; to: number }[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.to === segment.from) last.to = segment.to;
    else merged.push({ from: segment.from, to: segment.to });
  }
  return merged;
}

// Keep the original's metadata (uiEvent "paste"/"cut", addToHistory, plugin
// metas…): it describes the same user action. Transaction keeps it private.
function copyMeta(from: Transaction, to: Transaction): void {
  const meta = (from as unknown as { meta: Record<string, unknown> }).meta;
  for (const key of Object.keys(meta)) to.setMeta(key, meta[key]);
}
