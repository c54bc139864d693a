// Images in an imported file. The parsers (in the import worker) turn every
// image into a figure whose `hash` is a stand-in token and remember the
// image's address here; resolveImportedFigures then decides, per address,
// what the document keeps:
//   - a data: URL: a figure; its bytes go through the upload pipeline on the
//     main thread (importFigures.ts: checked, bounded, processed, stored);
//   - /media/<hash>/… (an export of this newsroom): a figure again, if the
//     importer may read that stored image (checked on the main thread);
//   - an http(s) address: never fetched (the server makes no requests on a
//     file's behalf); kept as a link, with a note in the import result;
//   - anything else: its caption or alt text, with a note.
import { createHash } from "node:crypto";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Fragment } from "@tiptap/pm/model";
import { FIGURE, figureAttrs } from "../../lib/editor/Figure";

export type ImportedImage = { src: string; alt: string; caption: string; credit: string };
/** Stand-in token (64 hex characters, so the schema's figure accepts it) → the image. */
export type ImportedImages = Map<string, ImportedImage>;

/** Figures whose bytes come with the file (data: URLs), and stored images it refers to. */
export type ImportedFigures = { embedded: { token: string; dataUrl: string }[]; stored: string[]; notes: string[] };

/** A stand-in hash for an image address (the same image twice gets the same token). */
export function imageToken(src: string): string {
  return createHash("sha256").update(`import:${src}`).digest("hex");
}

export function rememberImage(images: ImportedImages, image: ImportedImage): string {
  const token = imageToken(image.src);
  if (!images.has(token)) images.set(token, image);
  return token;
}

const STORED_MEDIA = /^(?:https?:\/\/[^/]+)?\/media\/([0-9a-f]{64})\//;
const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+(;[^,]*)?,/i;

/** Rewrites the parsed document's image figures as described above. */
export function resolveImportedFigures(doc: ProseMirrorNode, images: ImportedImages): { doc: ProseMirrorNode; figures: ImportedFigures } {
  const figures: ImportedFigures = { embedded: [], stored: [], notes: [] };
  let remote = 0;
  let unreadable = 0;
  const schema = doc.type.schema;
  const textParagraph = (text: string, href?: string) =>
    schema.nodes.paragraph!.create(null, text ? schema.text(text, href ? [schema.marks.link!.create({ href })] : []) : null);

  const visit = (node: ProseMirrorNode): ProseMirrorNode => {
    if (node.type.name === FIGURE) {
      const image = images.get(String(node.attrs.hash));
      if (!image) return textParagraph(figureAttrs(node).caption);
      const stored = STORED_MEDIA.exec(image.src)?.[1];
      if (DATA_IMAGE.test(image.src)) {
        figures.embedded.push({ token: String(node.attrs.hash), dataUrl: image.src });
        return node;
      }
      if (stored) {
        figures.stored.push(stored);
        return node.type.create({ ...node.attrs, hash: stored });
      }
      if (/^https?:\/\//i.test(image.src)) {
        remote++;
        return textParagraph(image.caption || image.alt || image.src, image.src);
      }
      unreadable++;
      return textParagraph(image.caption || image.alt);
    }
    if (node.isLeaf) return node;
    const children: ProseMirrorNode[] = [];
    node.forEach((child) => children.push(visit(child)));
    return node.copy(Fragment.fromArray(children));
  };
  const resolved = visit(doc);
  if (remote > 0) {
    figures.notes.push(
      `${remote} image${remote === 1 ? " is" : "s are"} on another website and ${remote === 1 ? "was" : "were"} not fetched: kept as ${remote === 1 ? "a link" : "links"}. Upload the image${remote === 1 ? "" : "s"} to add ${remote === 1 ? "it" : "them"} as a figure.`,
    );
  }
  if (unreadable > 0) figures.notes.push(`${unreadable} image${unreadable === 1 ? "" : "s"} without a usable address ${unreadable === 1 ? "was" : "were"} left out (caption kept).`);
  return { doc: resolved, figures };
}
