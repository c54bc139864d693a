// Plain text → a document: paragraphs are separated by blank lines; a single
// newline inside a paragraph is a line break the writer meant, so it becomes
// a hard break rather than a space.
import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { documentSchema } from "../documents/documentState";

export function parseText(text: string): ProseMirrorNode {
  const paragraphs = text
    .split(/\n(?:[ \t]*\n)+/)
    .filter((block) => block.trim() !== "")
    .map((block): JSONContent => ({ type: "paragraph", content: linesWithBreaks(block.replace(/^\n+|\n+$/g, "").split("\n")) }));
  return documentSchema().nodeFromJSON({ type: "doc", content: paragraphs.length > 0 ? paragraphs : [{ type: "paragraph" }] });
}

function linesWithBreaks(lines: string[]): JSONContent[] {
  const content: JSONContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: "hardBreak" });
    // ProseMirror text nodes may not be empty.
    if (line !== "") content.push({ type: "text", text: line });
  });
  return content;
}
