// Markdown has no card, so a related-article card is written as the line a
// reader would understand anyway, and read back from exactly that line:
//
//   **Related:** [Headline](https://example.org/piece) — One-line teaser
//
// Any paragraph of that shape imports as a card (a paragraph that merely
// mentions a related piece in other words stays a paragraph).
import { Fragment, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { MarkdownSerializerState } from "prosemirror-markdown";
import { RELATED_CARD, relatedCardAttrs } from "../../lib/editor/RelatedCard";

const LABEL = "Related:";
const TEASER_SEPARATOR = " — ";

export function writeCardMarkdown(state: MarkdownSerializerState, node: ProseMirrorNode): void {
  const { href, headline, teaser } = relatedCardAttrs(node);
  if (!href) return;
  // Parentheses and quotes in the address are escaped, as prosemirror-markdown does for links.
  const destination = href.replace(/[()"]/g, "\\$&");
  state.write(`**${LABEL}** [${state.esc(headline || href)}](${destination})`);
  if (teaser) state.write(`${TEASER_SEPARATOR}${state.esc(teaser)}`);
  state.closeBlock(node);
}

/** The document with every paragraph of the card's Markdown shape turned into a card. */
export function cardsFromParagraphs(doc: ProseMirrorNode): ProseMirrorNode {
  let changed = false;
  const children: ProseMirrorNode[] = [];
  doc.forEach((child) => {
    const card = child.type.name === "paragraph" ? cardFromParagraph(child) : null;
    if (card) changed = true;
    children.push(card ?? child);
  });
  return changed ? doc.copy(Fragment.fromArray(children)) : doc;
}

function cardFromParagraph(paragraph: ProseMirrorNode): ProseMirrorNode | null {
  const parts: ProseMirrorNode[] = [];
  paragraph.forEach((child) => parts.push(child));
  const [label, space, ...rest] = parts;
  if (!label?.isText || label.text !== LABEL || !label.marks.some((mark) => mark.type.name === "bold")) return null;
  if (!space?.isText || space.text !== " " || space.marks.length > 0) return null;
  // The link: one or more text nodes carrying the same link mark.
  const linkOf = (node: ProseMirrorNode | undefined) => node?.marks.find((mark) => mark.type.name === "link");
  const link = linkOf(rest[0]);
  if (!link) return null;
  let headline = "";
  let index = 0;
  for (; index < rest.length && linkOf(rest[index])?.eq(link); index++) headline += rest[index]!.text ?? "";
  const after = rest.slice(index);
  if (after.some((node) => !node.isText)) return null;
  const tail = after.map((node) => node.text).join("");
  if (tail !== "" && !tail.startsWith(TEASER_SEPARATOR)) return null;
  const attrs = relatedCardAttrs({ attrs: { href: link.attrs.href, headline, teaser: tail.slice(TEASER_SEPARATOR.length) } });
  if (!attrs.href) return null;
  return paragraph.type.schema.nodes[RELATED_CARD]!.create(attrs);
}
