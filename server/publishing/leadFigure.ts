// The lead image of a piece: the figure marked as such (the editor keeps at
// most one; the first wins if a document somehow holds more).
import type { JSONContent } from "@tiptap/core";
import { FIGURE, figureAttrs, type FigureAttrs } from "../../lib/editor/Figure";

export function leadFigureOf(content: JSONContent): FigureAttrs | null {
  const stack: JSONContent[] = [content];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (node.type === FIGURE && node.attrs?.lead === true) {
      const attrs = figureAttrs({ attrs: node.attrs });
      if (attrs.hash && attrs.width && attrs.height) return attrs;
    }
    stack.push(...(node.content ?? []));
  }
  return null;
}

/** The body with a top-level lead figure moved to the top: the published page's hero, under the headline. */
export function withLeadFigureFirst(content: JSONContent): JSONContent {
  const blocks = content.content ?? [];
  const index = blocks.findIndex((node) => node.type === FIGURE && node.attrs?.lead === true);
  if (index <= 0) return content;
  return { ...content, content: [blocks[index]!, ...blocks.slice(0, index), ...blocks.slice(index + 1)] };
}
