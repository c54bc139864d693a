// Formatting and structure suggestions in words, for the sidebar and the
// publish gate: "Bold", "Link removed", "Paragraph → Heading 2", "New paragraph".
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type BlockSuggestion, previousBlock } from "./blockSuggestion";
import { isSuggestionMark, parsePreviousMarks } from "./marks";

const MARK_NAMES: Record<string, string> = { bold: "bold", italic: "italic", link: "link", strike: "strikethrough", underline: "underline", code: "code" };

function blockName(type: string, attrs: Record<string, unknown> | undefined): string {
  switch (type) {
    case "heading":
      return `Heading ${String(attrs?.level ?? "")}`.trim();
    case "paragraph":
      return "Paragraph";
    case "bulletList":
      return "Bulleted list";
    case "orderedList":
      return "Numbered list";
    case "listItem":
      return "List item";
    case "blockquote":
      return "Quote";
    case "figure":
      return "Figure";
    case "relatedCard":
      return "Related article card";
    case "tableRow":
      return "Table row";
    case "table":
      return "Table";
    case "codeBlock":
      return "Code block";
    case "horizontalRule":
      return "Divider";
    default:
      return type;
  }
}

/** "Bold", "Italic removed", "Bold, link added"… comparing the recorded formatting with the current one. */
export function describeFormatChange(previousJSON: string, current: readonly Mark[]): string {
  const before = new Set((parsePreviousMarks(previousJSON) ?? []).map((mark) => mark.type));
  const now = new Set(current.filter((mark) => !isSuggestionMark(mark)).map((mark) => mark.type.name));
  const added = [...now].filter((name) => !before.has(name)).map((name) => MARK_NAMES[name] ?? name);
  const removed = [...before].filter((name) => !now.has(name)).map((name) => MARK_NAMES[name] ?? name);
  const changed = [...now].filter((name) => before.has(name)).map((name) => MARK_NAMES[name] ?? name);
  const parts = [
    ...(added.length > 0 ? [`${capitalize(added.join(", "))}`] : []),
    ...(removed.length > 0 ? [`${capitalize(removed.join(", "))} removed`] : []),
  ];
  if (parts.length === 0 && changed.length > 0) return `${capitalize(changed.join(", "))} changed`;
  return parts.join("; ") || "Formatting";
}

export function describeBlockSuggestion(suggestion: BlockSuggestion, node: ProseMirrorNode): string {
  const name = blockName(node.type.name, node.attrs);
  switch (suggestion.kind) {
    case "split":
      return node.type.name === "listItem" ? "New list item" : "New paragraph";
    case "join":
      return "Join with the paragraph before";
    case "change": {
      const previous = previousBlock(suggestion);
      if (!previous) return `${name} changed`;
      const before = blockName(previous.type, previous.attrs);
      return before === name ? `${name} changed` : `${before} → ${name}`;
    }
    case "wrap":
      return `Make ${name.toLowerCase()}`;
    case "unwrap":
      return `Remove ${name.toLowerCase()}`;
    case "insert":
      return `Insert ${name.toLowerCase()}`;
    case "delete":
      return `Remove ${name.toLowerCase()}`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
