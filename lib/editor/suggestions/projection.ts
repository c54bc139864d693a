// The rule a suggester's edit must satisfy, shared by the server (which
// enforces it on Yjs updates) and the browser (which refuses to make edits the
// server would drop):
//
//   Project the document "as if this author's own suggestions did not exist":
//   drop every inline node that carries this author's suggestionInsert mark
//   (unless it also carries another author's suggestion mark), and drop this
//   author's suggestionDelete marks (keeping the text). An edit is a valid
//   suggestion iff the projection before and after it is identical.
//
// Structure and formatting suggestions project the same way, back to what the
// text was before them (blockSuggestion.ts explains the kinds):
//   - a block the author suggested inserting is dropped, a container they
//     suggested putting around content is replaced by that content, a block
//     they split off is joined back into the block before it, a block whose
//     type they changed gets its recorded previous type and attributes back;
//   - their suggestions to join, unwrap or delete are dropped (the structure
//     is still there until accepted);
//   - text with their format suggestion gets its recorded previous formatting.
//
// Everything else (text, nodes, attributes, formatting marks, other authors'
// suggestions) is compared as is, so changing any of it is refused.
//
// Works on ProseMirror JSON (what documentJSONFromYDoc and Node.toJSON give),
// block by block, so callers can compare only the blocks that changed.
import { BLOCK_SUGGESTION, type BlockSuggestion, asBlockSuggestion, previousBlock } from "./blockSuggestion";
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, isSuggestionMarkName, parsePreviousMarks } from "./marks";

/** The shape of ProseMirror/Tiptap JSON this module reads (compatible with JSONContent). */
export type JSONNode = {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: JSONNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
  [key: string]: unknown;
};
type JSONMark = NonNullable<JSONNode["marks"]>[number];

export type ProjectionCheckOptions = {
  /** When given, new suggestion marks by the author must carry exactly this name. */
  authorName?: string;
};

const MAX_ID_LENGTH = 128;
const MAX_NAME_LENGTH = 256;

/**
 * Compares two versions of a run of top-level blocks for an author in
 * suggesting mode. Returns null when the change is a valid suggestion by
 * `authorId`, otherwise the reason it is not.
 */
export function compareSuggesterBlocks(
  before: readonly JSONNode[],
  after: readonly JSONNode[],
  authorId: string,
  options: ProjectionCheckOptions = {},
): string | null {
  const projectedBefore = projectNodes(before, authorId);
  const projectedAfter = projectNodes(after, authorId);
  if (!deepEqual(projectedBefore, projectedAfter)) {
    return "the update changes content outside the author's own suggestions";
  }
  // The projection hides the author's own suggestions; check that the ones
  // this update introduced are well formed and really are the author's.
  const known = new Set<string>();
  collectOwnSuggestions(before, authorId, (key) => known.add(key), () => undefined);
  let problem: string | null = null;
  collectOwnSuggestions(
    after,
    authorId,
    (key, attrs) => {
      if (problem || known.has(key)) return;
      problem = invalidSuggestionAttrs(attrs, options);
    },
    (reason) => (problem ??= reason),
  );
  return problem;
}

/** The author-neutral projection of a list of nodes (exported for tests and diagnostics). */
export function projectNodes(nodes: readonly JSONNode[], authorId: string): JSONNode[] {
  const out: JSONNode[] = [];
  for (const node of restoreStructure(nodes, authorId)) {
    const marks = node.marks ?? [];
    if (isOwnInsertion(marks, authorId)) continue;
    const keptMarks = sortMarks(projectMarks(marks, authorId));
    if (node.type === "text") {
      const text = node.text ?? "";
      if (text === "") continue;
      const previous = out[out.length - 1];
      if (previous && previous.type === "text" && deepEqual(previous.marks ?? [], keptMarks)) {
        previous.text = (previous.text ?? "") + text;
        continue;
      }
      out.push(keptMarks.length > 0 ? { type: "text", text, marks: keptMarks } : { type: "text", text });
      continue;
    }
    const projected: JSONNode = { type: node.type };
    const attrs = withoutNullAttrs(node.attrs);
    if (attrs) projected.attrs = attrs;
    if (keptMarks.length > 0) projected.marks = keptMarks;
    const content = projectNodes(node.content ?? [], authorId);
    if (content.length > 0) projected.content = content;
    out.push(projected);
  }
  return out;
}

/** The author's own block suggestion on `node`, if any. */
function ownBlockSuggestion(node: JSONNode, authorId: string): BlockSuggestion | null {
  const suggestion = asBlockSuggestion(node.attrs?.[BLOCK_SUGGESTION]);
  return suggestion && suggestion.authorId === authorId ? suggestion : null;
}

function withoutAttr(attrs: Record<string, unknown> | undefined, name: string): Record<string, unknown> | undefined {
  if (!attrs || !(name in attrs)) return attrs;
  const { [name]: _dropped, ...rest } = attrs;
  return rest;
}

/**
 * One level of nodes with the author's own structure suggestions undone:
 * inserted blocks dropped, suggested containers replaced by their content,
 * split-off blocks appended to the block before, changed blocks given their
 * previous type. Children are left raw (projectNodes recurses into them), so
 * a list item split off together with its paragraph joins at both levels.
 */
function restoreStructure(nodes: readonly JSONNode[], authorId: string, out: JSONNode[] = []): JSONNode[] {
  for (const node of nodes) {
    const suggestion = node.type === "text" ? null : ownBlockSuggestion(node, authorId);
    if (!suggestion) {
      out.push(node);
      continue;
    }
    const attrs = withoutAttr(node.attrs, BLOCK_SUGGESTION);
    switch (suggestion.kind) {
      case "insert":
        continue;
      case "wrap":
        restoreStructure(node.content ?? [], authorId, out);
        continue;
      case "split": {
        const previous = out[out.length - 1];
        if (previous && previous.type !== "text") {
          out[out.length - 1] = { ...previous, content: [...(previous.content ?? []), ...(node.content ?? [])] };
          continue;
        }
        out.push({ ...node, attrs });
        continue;
      }
      case "change": {
        const before = previousBlock(suggestion);
        // A change without a readable previous state cannot be undone: keep
        // the attribute so the comparison fails.
        out.push(before ? { ...node, type: before.type, attrs: before.attrs } : node);
        continue;
      }
      default:
        out.push({ ...node, attrs });
    }
  }
  return out;
}

/**
 * A text node's marks with the author's own deletion marks dropped and their
 * format suggestion replaced by the formatting it recorded. Mark attributes
 * that are null are left out (ProseMirror's JSON keeps them, the recorded
 * formatting does not).
 */
function projectMarks(marks: readonly JSONMark[], authorId: string): JSONMark[] {
  const format = marks.find((mark) => mark.type === SUGGESTION_FORMAT && mark.attrs?.authorId === authorId);
  const previous = format ? parsePreviousMarks(format.attrs?.previous) : null;
  if (format && !previous) return marks.map(normalizeMark); // unreadable: compared as is, so refused
  const kept: JSONMark[] = [];
  for (const mark of marks) {
    const own = mark.attrs?.authorId === authorId;
    if (own && (mark.type === SUGGESTION_DELETE || mark.type === SUGGESTION_FORMAT)) continue;
    if (previous && !isSuggestionMarkName(mark.type)) continue; // replaced by the recorded formatting
    kept.push(normalizeMark(mark));
  }
  if (previous) kept.push(...previous.map(normalizeMark));
  return kept;
}

function normalizeMark(mark: JSONMark): JSONMark {
  const attrs = withoutNullAttrs(mark.attrs);
  return attrs && Object.keys(attrs).length > 0 ? { type: mark.type, attrs } : { type: mark.type };
}

function isOwnInsertion(marks: readonly JSONMark[], authorId: string): boolean {
  let own = false;
  for (const mark of marks) {
    if (!isSuggestionMarkName(mark.type)) continue;
    if (mark.attrs?.authorId !== authorId) return false; // someone else's suggestion on it: keep and compare
    if (mark.type === SUGGESTION_INSERT) own = true;
  }
  return own;
}

/**
 * Visits the author's own suggestions (marks and block attributes) with a key
 * that identifies them, and reports other authors' suggestions inside blocks
 * the author suggested inserting (those would be forged: an inserted block is
 * dropped from the projection, so nothing else would catch them).
 */
function collectOwnSuggestions(
  nodes: readonly JSONNode[],
  authorId: string,
  visit: (key: string, attrs: Record<string, unknown>) => void,
  forged: (reason: string) => void,
  insideOwnInsertion = false,
): void {
  for (const node of nodes) {
    for (const mark of node.marks ?? []) {
      if (!isSuggestionMarkName(mark.type)) continue;
      const attrs = mark.attrs ?? {};
      if (attrs.authorId === authorId) visit(suggestionKey(mark.type, attrs), attrs);
      else if (insideOwnInsertion) forged("an inserted block carries another author's suggestion");
    }
    const raw = node.attrs?.[BLOCK_SUGGESTION];
    let ownInsertion = insideOwnInsertion;
    if (raw !== undefined && raw !== null) {
      const suggestion = asBlockSuggestion(raw);
      if (!suggestion) forged("a block suggestion is malformed");
      else if (suggestion.authorId === authorId) {
        visit(suggestionKey(`block:${suggestion.kind}`, suggestion), suggestion);
        if (suggestion.kind === "change" && !previousBlock(suggestion)) forged("a block change does not say what the block was");
        if (suggestion.kind === "insert") ownInsertion = true;
      } else if (insideOwnInsertion) forged("an inserted block carries another author's suggestion");
    }
    if (node.content) collectOwnSuggestions(node.content, authorId, visit, forged, ownInsertion);
  }
}

function suggestionKey(type: string, attrs: Record<string, unknown>): string {
  return `${type}\u0000${String(attrs.id)}\u0000${String(attrs.authorName)}\u0000${String(attrs.createdAt)}\u0000${String(attrs.previous ?? "")}`;
}

function invalidSuggestionAttrs(attrs: Record<string, unknown>, options: ProjectionCheckOptions): string | null {
  const { id, authorName, createdAt } = attrs;
  if (typeof id !== "string" || id.length === 0 || id.length > MAX_ID_LENGTH) return "a new suggestion has an invalid id";
  if (typeof authorName !== "string" || authorName.length > MAX_NAME_LENGTH) return "a new suggestion has an invalid author name";
  if (options.authorName !== undefined && authorName !== options.authorName) return "a new suggestion carries another author name";
  if (typeof createdAt !== "string" || Number.isNaN(Date.parse(createdAt))) return "a new suggestion has an invalid creation time";
  return null;
}

// Yjs keeps formatting attributes in insertion order, so the same marks can
// come back in a different order; compare them sorted by type.
function sortMarks(marks: JSONMark[]): JSONMark[] {
  if (marks.length < 2) return marks;
  return [...marks].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

// y-tiptap does not store null attributes; ProseMirror's toJSON does. Treat
// them as absent so both sources compare alike.
function withoutNullAttrs(attrs: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!attrs) return undefined;
  let result: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    (result ??= {})[key] = value;
  }
  return result;
}

/** Structural equality for JSON values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  for (const key of aKeys) if (!deepEqual(aRecord[key], bRecord[key])) return false;
  return true;
}
