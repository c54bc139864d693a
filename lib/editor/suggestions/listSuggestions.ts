// The suggestions in a document, for a sidebar.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionAttrs } from "./marks";

export type SuggestionKind = "insert" | "delete" | "replace";

export type SuggestionRange = { from: number; to: number };

export type SuggestionSummary = {
  id: string;
  /** "replace" when the id has both deleted and inserted text. */
  kind: SuggestionKind;
  authorId: string;
  authorName: string;
  createdAt: string;
  insertedText: string;
  deletedText: string;
  /** Start of the first range and end of the last one. */
  from: number;
  to: number;
  /** The (merged) ranges the suggestion covers, in document order. */
  ranges: SuggestionRange[];
};

type Accumulator = SuggestionSummary & { insertedParts: string[]; deletedParts: string[]; lastInsertTo: number; lastDeleteTo: number };

/**
 * Every suggestion in the document, one entry per id, in document order of
 * first appearance. Adjacent ranges of the same id are merged; text from
 * separate ranges (e.g. across paragraphs) is joined with "\n".
 */
export function listSuggestions(doc: ProseMirrorNode): SuggestionSummary[] {
  const byId = new Map<string, Accumulator>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const name = mark.type.name;
      if (name !== SUGGESTION_INSERT && name !== SUGGESTION_DELETE) continue;
      const attrs = mark.attrs as SuggestionAttrs;
      const from = pos;
      const to = pos + node.nodeSize;
      let entry = byId.get(attrs.id);
      if (!entry) {
        entry = {
          id: attrs.id,
          kind: name === SUGGESTION_INSERT ? "insert" : "delete",
          authorId: attrs.authorId,
          authorName: attrs.authorName,
          createdAt: attrs.createdAt,
          insertedText: "",
          deletedText: "",
          from,
          to,
          ranges: [],
          insertedParts: [],
          deletedParts: [],
          lastInsertTo: -1,
          lastDeleteTo: -1,
        };
        byId.set(attrs.id, entry);
      }
      const text = node.isText ? (node.text ?? "") : "";
      if (name === SUGGESTION_INSERT) {
        appendPart(entry.insertedParts, text, entry.lastInsertTo === from);
        entry.lastInsertTo = to;
      } else {
        appendPart(entry.deletedParts, text, entry.lastDeleteTo === from);
        entry.lastDeleteTo = to;
      }
      if (entry.kind !== "replace" && (name === SUGGESTION_INSERT) !== (entry.kind === "insert")) entry.kind = "replace";
      const last = entry.ranges[entry.ranges.length - 1];
      if (last && last.to >= from) last.to = Math.max(last.to, to);
      else entry.ranges.push({ from, to });
      entry.from = Math.min(entry.from, from);
      entry.to = Math.max(entry.to, to);
    }
    return false;
  });
  return [...byId.values()].map(({ insertedParts, deletedParts, lastInsertTo: _i, lastDeleteTo: _d, ...summary }) => ({
    ...summary,
    insertedText: insertedParts.join(""),
    deletedText: deletedParts.join(""),
  }));
}

function appendPart(parts: string[], text: string, contiguous: boolean): void {
  if (parts.length > 0 && !contiguous) parts.push("\n");
  parts.push(text);
}

/** Where each suggestion id occurs: every inline node carrying it, with the mark. */
export function findSuggestionNodes(
  doc: ProseMirrorNode,
  matches: (attrs: SuggestionAttrs) => boolean,
): { from: number; to: number; kind: "insert" | "delete"; mark: ProseMirrorNode["marks"][number] }[] {
  const found: { from: number; to: number; kind: "insert" | "delete"; mark: ProseMirrorNode["marks"][number] }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const name = mark.type.name;
      if (name !== SUGGESTION_INSERT && name !== SUGGESTION_DELETE) continue;
      if (!matches(mark.attrs as SuggestionAttrs)) continue;
      found.push({ from: pos, to: pos + node.nodeSize, kind: name === SUGGESTION_INSERT ? "insert" : "delete", mark });
    }
    return false;
  });
  return found;
}
