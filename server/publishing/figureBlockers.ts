// The publish gate's figure checks: every figure has alt text (for readers
// who cannot see it) and a credit (whose image it is), and shows an image
// uploaded to this document (a hash copied from elsewhere is not ours to
// publish).
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { FIGURE, figureAttrs, missingFigureText, type FigureAttrs } from "../../lib/editor/Figure";
import { documentMediaHashes } from "../media/media";

export function figuresOf(doc: ProseMirrorNode): FigureAttrs[] {
  const figures: FigureAttrs[] = [];
  doc.descendants((node) => {
    if (node.type.name === FIGURE) figures.push(figureAttrs(node));
    return true;
  });
  return figures;
}

export async function findFigureBlockers(documentId: string, doc: ProseMirrorNode): Promise<string[]> {
  const figures = figuresOf(doc);
  const uploaded = await documentMediaHashes(documentId, figures.map((figure) => figure.hash).filter(Boolean));
  return figures.flatMap((figure, index) => {
    const name = `Figure ${index + 1}${figure.caption ? ` (“${figure.caption.length > 40 ? `${figure.caption.slice(0, 40)}…` : figure.caption}”)` : ""}`;
    const blockers: string[] = [];
    const missing = missingFigureText(figure);
    if (missing.length > 0) blockers.push(`${name} has no ${missing.join(" and no ")}`);
    if (!uploaded.has(figure.hash)) blockers.push(`${name} shows an image that was not uploaded to this document`);
    return blockers;
  });
}
