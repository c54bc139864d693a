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
// Everything else (text, nodes, attributes, formatting marks, other authors'
// suggestions) is compared as is, so changing any of it is refused.
//
// Works on ProseMirror JSON (what documentJSONFromYDoc and Node.toJSON give),
// block by block, so callers can compare only the blocks that changed.
import { SUGGESTION_DELETE, SUGGESTION_INSERT, isSuggestionMarkName } from "./marks";

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
  // The projection hides the author's own marks; check that the ones this
  // update introduced are well formed and really are the author's.
  const known = new Set<string>();
  collectOwnSuggestionMarks(before, authorId, (mark) => known.add(markKey(mark)));
  let problem: string | null = null;
  collectOwnSuggestionMarks(after, authorId, (mark) => {
    if (problem || known.has(markKey(mark))) return;
    problem = invalidSuggestionAttrs(mark.attrs ?? {}, options);
  });
  return problem;
}

/** The author-neutral projection of a list of nodes (exported for tests and diagnostics). */
export function projectNodes(nodes: readonly JSONNode[], authorId: string): JSONNode[] {
  const out: JSONNode[] = [];
  for (const node of nodes) {
    const marks = node.marks ?? [];
    if (isOwnInsertion(marks, authorId)) continue;
    const keptMarks = sortMarks(marks.filter((mark) => !(mark.type === SUGGESTION_DELETE && mark.attrs?.authorId === authorId)));
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

function isOwnInsertion(marks: readonly JSONMark[], authorId: string): boolean {
  let own = false;
  for (const mark of marks) {
    if (!isSuggestionMarkName(mark.type)) continue;
    if (mark.attrs?.authorId !== authorId) return false; // someone else's suggestion on it: keep and compare
    if (mark.type === SUGGESTION_INSERT) own = true;
  }
  return own;
}

function collectOwnSuggestionMarks(nodes: readonly JSONNode[], authorId: string, visit: (mark: JSONMark) => void): void {
  for (const node of nodes) {
    for (const mark of node.marks ?? []) {
      if (isSuggestionMarkName(mark.type) && mark.attrs?.authorId === authorId) visit(mark);
    }
    if (node.content) collectOwnSuggestionMarks(node.content, authorId, visit);
  }
}

function markKey(mark: JSONMark): string {
  const attrs = mark.attrs ?? {};
  return `${mark.type}\u0000${String(attrs.id)}\u0000${String(attrs.authorName)}\u0000${String(attrs.createdAt)}`;
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
