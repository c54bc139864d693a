// A document → CommonMark (plus ~~strike~~), the dialect parseMarkdown reads,
// so an export imports back to the same document. prosemirror-markdown does
// the escaping; the node and mark names are Tiptap's.
import { Fragment, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { figureAttrs } from "../../lib/editor/Figure";
import { mediaUrl, ORIGINAL_VARIANT } from "../../lib/media";
import { writeCardMarkdown } from "./markdownCards";
import { MarkdownSerializer, defaultMarkdownSerializer, type MarkdownSerializerState } from "prosemirror-markdown";

const base = defaultMarkdownSerializer;

// Longer than any run of backticks inside, so the code cannot close its own fence.
function codeFence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(longest + 1);
}

const nodes: ConstructorParameters<typeof MarkdownSerializer>[0] = {
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
    relatedCard: writeCardMarkdown,
    // An image with its alt text, the caption as its title, then the credit.
    // The address is the site's own (/media/…): the image is not in the file.
    figure: (state, node) => {
      const { hash, alt, caption, credit } = figureAttrs(node);
      if (!hash) return;
      const title = caption ? ` "${caption.replace(/["\\]/g, "\\$&")}"` : "";
      state.write(`![${state.esc(alt)}](${mediaUrl(hash, ORIGINAL_VARIANT)}${title})`);
      if (credit) state.write(`\\\n*Credit: ${state.esc(credit)}*`);
      state.closeBlock(node);
    },
    table: (state, node) => {
      tableLines(node).forEach((line, index) => {
        if (index > 0) state.ensureNewLine();
        state.write(line);
      });
      state.closeBlock(node);
    },
};

const marks: ConstructorParameters<typeof MarkdownSerializer>[1] = {
    bold: base.marks.strong!,
    italic: base.marks.em!,
    code: base.marks.code!,
    link: base.marks.link!,
    strike: { open: "~~", close: "~~", mixable: true, expelEnclosingWhitespace: true },
    // Markdown has no underline: the text is kept, the underline is not.
    underline: { open: "", close: "", mixable: true },
};

const serializer = new MarkdownSerializer(nodes, marks, { hardBreakNodeName: "hardBreak" });

// A pipe-table cell is one line of inline Markdown: a line break becomes a
// space (a newline would end the row); cellText escapes the pipes.
const cellSerializer = new MarkdownSerializer({ ...nodes, hardBreak: (state) => state.write(" ") }, marks, { hardBreakNodeName: "hardBreak" });

/**
 * A table as a GitHub pipe table. Pipe tables always have a header row, so
 * the first row is written as one whatever its cells are; a cell's blocks
 * (paragraphs, list items) are joined by spaces, since a pipe-table cell holds
 * one line; a merged cell is followed by empty cells for the columns it spans.
 */
function tableLines(table: ProseMirrorNode): string[] {
  const rows: { text: string; align: unknown }[][] = [];
  table.forEach((row) => {
    const cells: { text: string; align: unknown }[] = [];
    row.forEach((cell) => {
      cells.push({ text: cellText(cell), align: cell.attrs.align });
      for (let extra = 1; extra < (Number(cell.attrs.colspan) || 1); extra++) cells.push({ text: "", align: null });
    });
    rows.push(cells);
  });
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const line = (texts: string[]) => `| ${Array.from({ length: columns }, (_, index) => texts[index] ?? "").join(" | ")} |`;
  const [header = [], ...body] = rows;
  const separator = Array.from({ length: columns }, (_, index) => {
    const align = header[index]?.align;
    return align === "left" ? ":--" : align === "right" ? "--:" : align === "center" ? ":-:" : "---";
  });
  return [line(header.map((cell) => cell.text)), line(separator), ...body.map((row) => line(row.map((cell) => cell.text)))];
}

function cellText(cell: ProseMirrorNode): string {
  const parts: string[] = [];
  cell.descendants((child) => {
    if (!child.isTextblock) return true;
    const schema = child.type.schema;
    // serialize() renders its argument's children as blocks: hand it a document.
    const line = schema.topNodeType.create(null, schema.nodes.paragraph!.create(null, child.content));
    // Every pipe, in code spans too: the table splits its row on unescaped
    // pipes before any inline parsing, and drops the backslash of escaped ones.
    parts.push(cellSerializer.serialize(line).trim().replace(/\|/g, "\\|"));
    return false;
  });
  return parts.filter((part) => part !== "").join(" ");
}

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
