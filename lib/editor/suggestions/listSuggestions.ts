// The suggestions in a document, for a sidebar.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { BLOCK_SUGGESTION, type BlockSuggestionKind, asBlockSuggestion } from "./blockSuggestion";
import { describeBlockSuggestion, describeFormatChange } from "./describeSuggestion";
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, type SuggestionAttrs } from "./marks";

/** Text ("insert", "delete", "replace"), formatting ("format"), or a structure kind (blockSuggestion.ts). */
export type SuggestionKind = "insert" | "delete" | "replace" | "format" | BlockSuggestionKind;

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
  /** For formatting and structure: what changes, in words ("Bold", "Paragraph → Heading 2"). */
  description?: string;
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
    if (!node.isInline) {
      const suggestion = asBlockSuggestion(node.attrs[BLOCK_SUGGESTION]);
      // A suggestion spanning nested blocks (a list and its items) is listed once, at the outermost.
      if (suggestion && !byId.has(suggestion.id)) {
        byId.set(suggestion.id, {
          id: suggestion.id,
          kind: suggestion.kind,
          authorId: suggestion.authorId,
          authorName: suggestion.authorName,
          createdAt: suggestion.createdAt,
          insertedText: "",
          deletedText: "",
          description: describeBlockSuggestion(suggestion, node),
          from: pos,
          to: pos + node.nodeSize,
          ranges: [{ from: pos, to: pos + node.nodeSize }],
          insertedParts: [],
          deletedParts: [],
          lastInsertTo: -1,
          lastDeleteTo: -1,
        });
      }
      return true;
    }
    for (const mark of node.marks) {
      const name = mark.type.name;
      if (name === SUGGESTION_FORMAT) {
        const attrs = mark.attrs as SuggestionAttrs;
        const entry = byId.get(attrs.id);
        const text = node.text ?? "";
        if (!entry) {
          byId.set(attrs.id, {
            id: attrs.id,
            kind: "format",
            authorId: attrs.authorId,
            authorName: attrs.authorName,
            createdAt: attrs.createdAt,
            insertedText: text,
            deletedText: "",
            description: describeFormatChange(String(mark.attrs.previous), node.marks),
            from: pos,
            to: pos + node.nodeSize,
            ranges: [{ from: pos, to: pos + node.nodeSize }],
            insertedParts: [text],
            deletedParts: [],
            lastInsertTo: pos + node.nodeSize,
            lastDeleteTo: -1,
          });
        } else {
          appendPart(entry.insertedParts, text, entry.lastInsertTo === pos);
          entry.lastInsertTo = pos + node.nodeSize;
          const last = entry.ranges[entry.ranges.length - 1];
          if (last && last.to >= pos) last.to = Math.max(last.to, pos + node.nodeSize);
          else entry.ranges.push({ from: pos, to: pos + node.nodeSize });
          entry.to = Math.max(entry.to, pos + node.nodeSize);
        }
        continue;
      }
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
      if ((entry.kind === "insert" || entry.kind === "delete") && (name === SUGGESTION_INSERT) !== (entry.kind === "insert")) entry.kind = "replace";
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
): { from: number; to: number; kind: "insert" | "delete" | "format"; mark: ProseMirrorNode["marks"][number] }[] {
  const found: { from: number; to: number; kind: "insert" | "delete" | "format"; mark: ProseMirrorNode["marks"][number] }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const name = mark.type.name;
      if (name !== SUGGESTION_INSERT && name !== SUGGESTION_DELETE && name !== SUGGESTION_FORMAT) continue;
      if (!matches(mark.attrs as SuggestionAttrs)) continue;
      found.push({ from: pos, to: pos + node.nodeSize, kind: name === SUGGESTION_INSERT ? "insert" : name === SUGGESTION_DELETE ? "delete" : "format", mark });
    }
    return false;
  });
  return found;
}
