// Toolbar and command edits to structure, turned into block suggestions:
// a block's type or attributes changed (paragraph ↔ heading, bullet ↔
// numbered list, a figure's caption), a list or quote put around blocks or
// taken off, a figure, card or table row inserted or removed.
//
// Works on the result rather than on the steps (commands such as
// toggleBulletList produce very different step sequences for the same
// outcome): compare the document before and after, level by level, and
// recognise one of the shapes above. What is added (a new type, a wrapper, an
// inserted block) is kept and annotated; what is taken away (a wrapper, a
// block) is not applied at all — the block is annotated instead, like struck
// text. Anything else is refused.
import type { Fragment, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, NodeSelection, type Transaction } from "@tiptap/pm/state";
import { BLOCK_SUGGESTION, type BlockSuggestion, SUGGESTIBLE_BLOCK_TYPES, WRAPPER_TYPES, asBlockSuggestion, encodeBlockSuggestion, encodePrevious, previousBlock } from "./blockSuggestion";
import { SUGGESTION_REWRITTEN_META } from "./meta";
import { type StructureContext, blockSuggestionFor } from "./structureCommands";

export type StructureSuggestResult = { ok: true; transaction: Transaction } | { ok: false; reason: string };

type Annotation = { pos: number; value: BlockSuggestion | null };
/** Blocks to insert (already annotated) after the block at `pos` in the old document. */
type Insertion = { pos: number; nodes: ProseMirrorNode[] };
type Plan = { after: Annotation[]; before: Annotation[]; insertAfter: Insertion[] };

const INSERTABLE = new Set(["figure", "relatedCard", "tableRow", "horizontalRule"]);
const SUGGESTIBLE = new Set(SUGGESTIBLE_BLOCK_TYPES);
const REFUSED = "This change to the structure cannot be suggested";

/** Rewrites a structural `tr` (against `state`) as block suggestions by `ctx.author`. */
export function suggestStructure(tr: Transaction, state: EditorState, ctx: StructureContext): StructureSuggestResult {
  const plan: Plan = { after: [], before: [], insertAfter: [] };
  // One suggestion per user action, shared by every block it annotates.
  let shared: BlockSuggestion | null = null;
  const make = (kind: BlockSuggestion["kind"], previous?: string): BlockSuggestion => {
    shared ??= blockSuggestionFor(kind, ctx);
    const { id, authorId, authorName, createdAt } = shared;
    return { id, authorId, authorName, createdAt, kind, ...(previous !== undefined ? { previous } : {}) };
  };
  const reason = diffLevel(state.doc.content, tr.doc.content, 0, 0, ctx.author.id, plan, make);
  if (reason) return { ok: false, reason };
  const kinds = [plan.after, plan.before, plan.insertAfter].filter((list) => list.length > 0).length;
  if (kinds > 1) return { ok: false, reason: "Suggest one change to the structure at a time" };
  if (kinds === 0) return { ok: false, reason: REFUSED };

  let out: Transaction;
  if (plan.insertAfter.length > 0) {
    // A block inserted where an empty paragraph was: the paragraph stays (it is
    // not the suggester's to remove) and the new blocks go after it.
    out = state.tr;
    for (const { pos, nodes } of [...plan.insertAfter].reverse()) out.insert(pos, nodes);
    const first = plan.insertAfter[0]!;
    const at = out.mapping.map(first.pos, -1);
    if (out.doc.nodeAt(at)?.isAtom) out.setSelection(NodeSelection.create(out.doc, at));
    out.scrollIntoView();
  } else if (plan.after.length > 0) {
    out = tr; // keep what was added, then annotate it (attributes do not move positions)
    for (const { pos, value } of plan.after) out.setNodeAttribute(pos, BLOCK_SUGGESTION, value && encodeBlockSuggestion(value));
  } else {
    out = state.tr; // nothing is taken away yet: annotate the blocks instead
    for (const { pos, value } of plan.before) out.setNodeAttribute(pos, BLOCK_SUGGESTION, value && encodeBlockSuggestion(value));
    if (tr.scrolledIntoView) out.scrollIntoView();
  }
  out.setMeta(SUGGESTION_REWRITTEN_META, true);
  return { ok: true, transaction: out };
}

function childrenOf(fragment: Fragment): ProseMirrorNode[] {
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => nodes.push(node));
  return nodes;
}

function sameMarkup(a: ProseMirrorNode, b: ProseMirrorNode): boolean {
  return a.type === b.type && sameAttrs(a.attrs, b.attrs) && a.sameMarkup(b);
}

function sameAttrs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(withoutSuggestion(a)) === JSON.stringify(withoutSuggestion(b));
}

function withoutSuggestion(attrs: Record<string, unknown>): Record<string, unknown> {
  const { [BLOCK_SUGGESTION]: _ignored, ...rest } = attrs;
  return rest;
}

/** The blocks a wrapper holds, one level down (a list's items' blocks, a quote's blocks). */
function unwrapped(node: ProseMirrorNode): ProseMirrorNode[] {
  if (node.type.name === "bulletList" || node.type.name === "orderedList") return childrenOf(node.content).flatMap((item) => childrenOf(item.content));
  return childrenOf(node.content);
}

function textblocks(nodes: readonly ProseMirrorNode[]): ProseMirrorNode[] {
  const out: ProseMirrorNode[] = [];
  for (const node of nodes) {
    if (node.isTextblock) out.push(node);
    else node.descendants((child) => (child.isTextblock ? (out.push(child), false) : true));
  }
  return out;
}

function sameText(a: readonly ProseMirrorNode[], b: readonly ProseMirrorNode[]): boolean {
  const left = textblocks(a);
  const right = textblocks(b);
  return left.length === right.length && left.every((node, i) => node.content.eq(right[i]!.content));
}

/**
 * Compares one level and fills `plan`; returns a reason when the difference
 * is not a structure suggestion. Positions are absolute (`beforeStart` in
 * the old document, `afterStart` in the new one, of the first child).
 */
function diffLevel(
  before: Fragment,
  after: Fragment,
  beforeStart: number,
  afterStart: number,
  authorId: string,
  plan: Plan,
  make: (kind: BlockSuggestion["kind"], previous?: string) => BlockSuggestion,
): string | null {
  const a = childrenOf(before);
  const b = childrenOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.eq(b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.eq(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const offset = (nodes: ProseMirrorNode[], until: number) => nodes.slice(0, until).reduce((sum, node) => sum + node.nodeSize, 0);
  const posA = (i: number) => beforeStart + offset(a, i);
  const posB = (i: number) => afterStart + offset(b, i);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length === 0 && midB.length === 0) return null;

  // Same blocks, one changed inside (a table's rows, a list's items): look deeper.
  if (midA.length === 1 && midB.length === 1 && sameMarkup(midA[0]!, midB[0]!) && !midA[0]!.isTextblock && !midA[0]!.isAtom) {
    return diffLevel(midA[0]!.content, midB[0]!.content, posA(start) + 1, posB(start) + 1, authorId, plan, make);
  }

  // Inserted blocks (a figure, a card, a table row).
  if (midA.length === 0) {
    if (!midB.every((node) => INSERTABLE.has(node.type.name))) return REFUSED;
    midB.forEach((_node, i) => plan.after.push({ pos: posB(start + i), value: make("insert") }));
    return null;
  }
  // Removed blocks: marked for deletion instead.
  if (midB.length === 0) {
    for (let i = 0; i < midA.length; i++) {
      const node = midA[i]!;
      const own = ownSuggestion(node, authorId);
      if (!SUGGESTIBLE.has(node.type.name)) return REFUSED;
      if (suggestionOf(node) && !own) return "This block already has another person's suggestion";
      plan.before.push({ pos: posA(start + i), value: make("delete") });
    }
    return null;
  }

  // A block inserted in the middle of a paragraph (a figure or card at the
  // caret): the paragraph's second half is a suggested split, the block an insertion.
  if (midA.length === 1 && midA[0]!.isTextblock && midB.length >= 3) {
    const [head, tail] = [midB[0]!, midB[midB.length - 1]!];
    const inserted = midB.slice(1, -1);
    if (
      sameMarkup(midA[0]!, head) &&
      tail.isTextblock &&
      inserted.every((node) => INSERTABLE.has(node.type.name)) &&
      midA[0]!.content.eq(head.content.append(tail.content))
    ) {
      inserted.forEach((_node, i) => plan.after.push({ pos: posB(start + 1 + i), value: make("insert") }));
      plan.after.push({ pos: posB(endB - 1), value: make("split") });
      return null;
    }
  }
  // A block put where an empty paragraph was (the caret in an empty line).
  if (midA.length === 1 && midA[0]!.isTextblock && midA[0]!.content.size === 0 && midB.length > 0) {
    const inserted = midB.filter((node, i) => !(i === midB.length - 1 && node.isTextblock && node.content.size === 0));
    if (inserted.length > 0 && inserted.every((node) => INSERTABLE.has(node.type.name))) {
      const value = make("insert");
      plan.insertAfter.push({
        pos: posA(start) + midA[0]!.nodeSize,
        nodes: inserted.map((node) => node.type.create({ ...node.attrs, [BLOCK_SUGGESTION]: encodeBlockSuggestion(value) }, node.content, node.marks)),
      });
      return null;
    }
  }

  // Same content, another type or attributes (paragraph ↔ heading, bullet ↔ numbered, a figure's caption).
  if (midA.length === midB.length && midA.every((node, i) => node.content.eq(midB[i]!.content))) {
    for (let i = 0; i < midA.length; i++) {
      const reason = annotateChange(midA[i]!, midB[i]!, posB(start + i), authorId, plan, make);
      if (reason) return reason;
    }
    return null;
  }

  // A list or quote put around blocks.
  if (midB.length === 1 && WRAPPER_TYPES.has(midB[0]!.type.name) && sameText(midA, [midB[0]!])) {
    const wrapper = midB[0]!;
    const at = posB(start);
    plan.after.push({ pos: at, value: make("wrap") });
    if (wrapper.type.name === "bulletList" || wrapper.type.name === "orderedList") {
      wrapper.forEach((item, itemOffset) => plan.after.push({ pos: at + 1 + itemOffset, value: make("wrap") }));
    }
    // Blocks that changed type on the way in (a heading becomes a list item's paragraph).
    const inner = unwrapped(wrapper);
    if (inner.length === midA.length) {
      let innerPos = at + 1;
      const positions: number[] = [];
      if (wrapper.type.name === "blockquote") wrapper.forEach((_child, childOffset) => positions.push(at + 1 + childOffset));
      else wrapper.forEach((item, itemOffset) => item.forEach((_child, childOffset) => positions.push(at + 1 + itemOffset + 1 + childOffset)));
      for (let i = 0; i < inner.length; i++) {
        innerPos = positions[i]!;
        if (!sameMarkup(midA[i]!, inner[i]!)) {
          const reason = annotateChange(midA[i]!, inner[i]!, innerPos, authorId, plan, make);
          if (reason) return reason;
        }
      }
    }
    return null;
  }

  // A list or quote taken off: the whole container is marked for unwrapping.
  if (midA.length === 1 && WRAPPER_TYPES.has(midA[0]!.type.name) && sameText([midA[0]!], midB)) {
    const wrapper = midA[0]!;
    if (suggestionOf(wrapper) && !ownSuggestion(wrapper, authorId)) return "This block already has another person's suggestion";
    plan.before.push({ pos: posA(start), value: make("unwrap") });
    return null;
  }
  return REFUSED;
}

function suggestionOf(node: ProseMirrorNode): BlockSuggestion | null {
  return asBlockSuggestion(node.attrs[BLOCK_SUGGESTION]);
}

function ownSuggestion(node: ProseMirrorNode, authorId: string): BlockSuggestion | null {
  const suggestion = suggestionOf(node);
  return suggestion && suggestion.authorId === authorId ? suggestion : null;
}

/** `before` became `after` (same content); records a "change" on `after` at `pos`, or withdraws it. */
function annotateChange(
  before: ProseMirrorNode,
  after: ProseMirrorNode,
  pos: number,
  authorId: string,
  plan: Plan,
  make: (kind: BlockSuggestion["kind"], previous?: string) => BlockSuggestion,
): string | null {
  if (sameMarkup(before, after)) return null;
  if (!SUGGESTIBLE.has(after.type.name)) return REFUSED;
  const existing = suggestionOf(before);
  const own = ownSuggestion(before, authorId);
  if (existing && !own) return "This block already has another person's suggestion";
  if (own && own.kind !== "change") {
    // The author's own new block (split off or inserted): its type is part of that suggestion.
    if (own.kind === "split" || own.kind === "insert") {
      plan.after.push({ pos, value: own });
      return null;
    }
    return "This block already has a suggestion";
  }
  // Keep the first recorded state, so a second change still rejects back to the original.
  const previous = own?.kind === "change" ? own.previous : encodePrevious(before.type.name, before.attrs);
  const original = own ? previousBlock(own) : null;
  if (original && original.type === after.type.name && JSON.stringify(original.attrs ?? {}) === encodePreviousAttrs(after)) {
    plan.after.push({ pos, value: null }); // back where it started: the suggestion is withdrawn
    return null;
  }
  plan.after.push({ pos, value: make("change", previous) });
  return null;
}

function encodePreviousAttrs(node: ProseMirrorNode): string {
  const parsed = JSON.parse(encodePrevious(node.type.name, node.attrs)) as { attrs?: Record<string, unknown> };
  return JSON.stringify(parsed.attrs ?? {});
}
