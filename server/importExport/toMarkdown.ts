// A document → CommonMark (plus ~~strike~~), the dialect parseMarkdown reads,
// so an export imports back to the same document. prosemirror-markdown does
// the escaping; the node and mark names are Tiptap's.
import { Fragment, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { MarkdownSerializer, defaultMarkdownSerializer, type MarkdownSerializerState } from "prosemirror-markdown";

const base = defaultMarkdownSerializer;

// Longer than any run of backticks inside, so the code cannot close its own fence.
function codeFence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(longest + 1);
}

const serializer = new MarkdownSerializer(
  {
    doc: (state, node) => state.renderContent(node),
    paragraph: base.nodes.paragraph!,
    heading: base.nodes.heading!,
    blockquote: base.nodes.blockquote!,
    horizontalRule: base.nodes.horizontal_rule!,
    hardBreak: base.nodes.hard_break!,
    text: base.nodes.text!,
    listItem: base.nodes.list_item!,
    bulletList: (state, node) => state.renderList(node, "  ", () => "- "),
    orderedList: (state: MarkdownSerializerState, node) => {
      const start = typeof node.attrs.start === "number" ? node.attrs.start : 1;
      const width = String(start + node.childCount - 1).length;
      state.renderList(node, " ".repeat(width + 2), (index) => `${String(start + index).padStart(width)}. `);
    },
    codeBlock: (state, node) => {
      const fence = codeFence(node.textContent);
      state.write(`${fence}${typeof node.attrs.language === "string" ? node.attrs.language : ""}\n`);
      state.text(node.textContent, false);
      state.ensureNewLine();
      state.write(fence);
      state.closeBlock(node);
    },
  },
  {
    bold: base.marks.strong!,
    italic: base.marks.em!,
    code: base.marks.code!,
    link: base.marks.link!,
    strike: { open: "~~", close: "~~", mixable: true, expelEnclosingWhitespace: true },
    // Markdown has no underline: the text is kept, the underline is not.
    underline: { open: "", close: "", mixable: true },
  },
  { hardBreakNodeName: "hardBreak" },
);

/**
 * Markdown for a document that holds no suggestion marks (see withoutSuggestions).
 * The title, when given, opens it as the one level-1 heading — the body uses
 * levels 2 and 3 — which is where an import takes the title back from.
 */
export function toMarkdown(doc: ProseMirrorNode, title?: string): string {
  const schema = doc.type.schema;
  const heading = title?.trim() ? [schema.nodes.heading!.create({ level: 1 }, schema.text(title.replace(/\s+/g, " ").trim()))] : [];
  const withTitle = doc.type.create(doc.attrs, Fragment.fromArray(heading).append(doc.content));
  return `${serializer.serialize(withTitle, { tightLists: true })}\n`;
}
