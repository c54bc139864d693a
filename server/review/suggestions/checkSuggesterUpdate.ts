// Server-side enforcement of suggesting mode: a suggester's update is applied
// only if every change it makes to the document is inside suggestion marks
// authored by that user (lib/editor/suggestions/projection.ts has the rule).
//
// The update is applied to a throw-away copy of the document (the room's
// Y.Doc is never touched). Yjs tells us which shared types the update
// changed, so only the top-level blocks it touched are converted to
// ProseMirror JSON and compared; the rest are the same Yjs items, unchanged.
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../../lib/editor/documentExtensions";
import { documentSchema } from "../../documents/documentState";
import { BLOCK_SUGGESTION, asBlockSuggestion } from "../../../lib/editor/suggestions/blockSuggestion";
import { compareSuggesterBlocks, type JSONNode, type ProjectionCheckOptions } from "../../../lib/editor/suggestions/projection";

// Yjs's types are invariant in their event type; any shared type will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>;

export type SuggesterCheckResult = { ok: true } | { ok: false; reason: string };

export type SuggesterCheckOptions = ProjectionCheckOptions;

/**
 * Whether `update`, sent by `authorId` while in suggesting mode, only adds,
 * extends or withdraws that author's own suggestions. `doc` is not modified.
 * Roles are the caller's business: call this for connections that may only
 * suggest, and apply the update only when the result is ok.
 *
 * Costs a copy of the whole Yjs state per call; on a hot path prefer a
 * SuggesterUpdateGate, which keeps that copy between calls.
 */
export function checkSuggesterUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  authorId: string,
  options: SuggesterCheckOptions = {},
): SuggesterCheckResult {
  const copy = copyOf(doc);
  try {
    return checkOnto(doc, copy, update, authorId, options);
  } finally {
    copy.destroy();
  }
}

/**
 * The same check for one room's document, without copying the document for
 * every update: the gate keeps a shadow copy in step with `doc` (it listens
 * to doc's updates), applies a suggester's update to the shadow, and applies
 * it to `doc` only if it passes. A refused update leaves the shadow dirty, so
 * it is rebuilt on the next call (refusals are rare: the editor drops edits
 * the server would refuse before sending them).
 */
export class SuggesterUpdateGate {
  private shadow: Y.Doc | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on("update", this.onDocumentUpdate);
  }

  /** Checks `update` from `authorId`; applies it to the document (with `origin`) when ok. */
  apply(update: Uint8Array, authorId: string, origin?: unknown, options: SuggesterCheckOptions = {}): SuggesterCheckResult {
    this.shadow ??= copyOf(this.doc);
    let result: SuggesterCheckResult;
    try {
      result = checkOnto(this.doc, this.shadow, update, authorId, options);
    } catch (error) {
      this.discardShadow();
      throw error;
    }
    if (!result.ok) {
      this.discardShadow();
      return result;
    }
    // The shadow already has the update; applying it again there (from the
    // doc's update event) is a no-op.
    Y.applyUpdate(this.doc, update, origin);
    return result;
  }

  destroy(): void {
    this.doc.off("update", this.onDocumentUpdate);
    this.discardShadow();
  }

  // Runs inside the room's transaction: an update the shadow cannot take (it
  // can differ from the room's document in pending structs) must not throw
  // out of the room's edit; the shadow is rebuilt from the room instead.
  private onDocumentUpdate = (update: Uint8Array) => {
    if (!this.shadow) return;
    try {
      Y.applyUpdate(this.shadow, update);
    } catch {
      this.discardShadow();
    }
  };

  private discardShadow(): void {
    this.shadow?.destroy();
    this.shadow = null;
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * Applies `update` to `target` (a doc in the same state as `doc`) and
 * compares the blocks it touched with `doc`'s.
 */
function checkOnto(
  doc: Y.Doc,
  target: Y.Doc,
  update: Uint8Array,
  authorId: string,
  options: SuggesterCheckOptions,
): SuggesterCheckResult {
  const hadPending = target.store.pendingStructs !== null || target.store.pendingDs !== null;
  const fragment = target.getXmlFragment(DOCUMENT_FRAGMENT);

  const touchedBlocks = new Set<YType>();
  let outsideBody = false;
  const track = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      const block = topLevelBlock(type, fragment);
      if (block === "outside") outsideBody = true;
      else if (block !== "fragment") touchedBlocks.add(block);
    }
  };
  target.on("afterTransaction", track);
  try {
    Y.applyUpdate(target, update);
  } catch {
    return { ok: false, reason: "the update is malformed" };
  } finally {
    target.off("afterTransaction", track);
  }

  if (outsideBody) return { ok: false, reason: "the update changes shared data outside the document body" };
  if (!hadPending && (target.store.pendingStructs !== null || target.store.pendingDs !== null)) {
    return { ok: false, reason: "the update depends on changes the server does not have" };
  }

  // Top-level blocks that are the same Yjs item on both sides and were not
  // touched are identical; compare only the run between the unchanged
  // prefix and suffix.
  const before = doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray();
  const after = fragment.toArray();
  const unchanged = (i: number, j: number) => {
    const a = before[i]!;
    const b = after[j]!;
    return !touchedBlocks.has(b) && a._item !== null && b._item !== null && Y.compareIDs(a._item.id, b._item.id);
  };
  let start = 0;
  let endBefore = before.length;
  let endAfter = after.length;
  while (start < endBefore && start < endAfter && unchanged(start, start)) start++;
  while (endBefore > start && endAfter > start && unchanged(endBefore - 1, endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (start === endBefore && start === endAfter) return { ok: true };
  // A block split off as a suggestion projects as part of the block before
  // it, so that block belongs to the comparison too (otherwise dropping the
  // split's attribute, i.e. accepting it, would compare equal).
  while (start > 0 && (startsWithSplit(before[start]) || startsWithSplit(after[start]))) start--;

  const afterBlocks = after.slice(start, endAfter).flatMap(yTypeToJSON);
  const reason = compareSuggesterBlocks(before.slice(start, endBefore).flatMap(yTypeToJSON), afterBlocks, authorId, options);
  if (reason !== null) return { ok: false, reason };
  // The projection hides the author's own inserted text, so check that what
  // was inserted is valid content: an unknown or duplicated mark would make
  // every editor's Yjs binding fail on that paragraph (and delete it).
  const schema = documentSchema();
  for (const block of afterBlocks) {
    try {
      schema.nodeFromJSON(block).check();
    } catch {
      return { ok: false, reason: "the update produces content the document schema does not allow" };
    }
  }
  return { ok: true };
}

/** The direct child of `fragment` that contains `type`, "fragment" for the fragment itself, or "outside". */
function topLevelBlock(type: YType, fragment: Y.XmlFragment): YType | "fragment" | "outside" {
  let current = type;
  for (;;) {
    if ((current as unknown) === fragment) return "fragment";
    const item = current._item;
    if (item === null) return "outside";
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return "outside";
    if ((parent as unknown) === fragment) return current;
    current = parent as YType;
  }
}

// y-tiptap stores a mark that may overlap itself under "name--hash".
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** ProseMirror JSON for one Yjs node, as y-tiptap's yXmlFragmentToProsemirrorJSON builds it. */
function yTypeToJSON(type: YType): JSONNode[] {
  if (type instanceof Y.XmlText) {
    const delta = type.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown>> }[];
    return delta.map((op) => {
      // Embeds are not ProseMirror content: compared as is, so adding one is refused.
      if (typeof op.insert !== "string") return { type: "yEmbed", attrs: { value: op.insert } };
      const node: JSONNode = { type: "text", text: op.insert };
      if (op.attributes) {
        node.marks = Object.entries(op.attributes).map(([name, attrs]) => ({
          type: HASHED_MARK_NAME.exec(name)?.[1] ?? name,
          attrs: attrs ?? {},
        }));
      }
      return node;
    });
  }
  if (type instanceof Y.XmlElement) {
    const node: JSONNode = { type: type.nodeName };
    const attrs = type.getAttributes();
    if (Object.keys(attrs).length > 0) node.attrs = attrs;
    const children = type.toArray();
    if (children.length > 0) node.content = children.flatMap((child) => yTypeToJSON(child as YType));
    return [node];
  }
  // Anything else (e.g. an XmlHook) is compared by its own JSON form.
  return [{ type: `unknown:${type.constructor.name}`, attrs: { value: type.toJSON() as unknown } }];
}

function startsWithSplit(type: YType | undefined): boolean {
  if (!(type instanceof Y.XmlElement)) return false;
  return asBlockSuggestion(type.getAttribute(BLOCK_SUGGESTION))?.kind === "split";
}
