// The main thread's half of importing figures (importedImages.ts has the
// worker's): an image embedded in the file as a data: URL goes through the
// same pipeline as an upload — checked by its bytes, bounded in size and
// pixels, stripped of metadata, resized — and a reference to an image stored
// here is kept only if the importer may read it. A figure that cannot be kept
// becomes its caption, and the import result says why.
import type { JSONContent } from "@tiptap/core";
import { MEDIA_HASH_PATTERN } from "../../lib/media";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors";
import { canReadMedia } from "../media/media";
import { processImage, type ProcessedImage } from "../media/processImage";
import type { Actor } from "../policies";
import type { ImportedFigures } from "./importedImages";

/** More images than this in one file are left out (each is decoded and resized). */
export const MAX_IMPORTED_IMAGES = 20;

export type PreparedFigures = { content: JSONContent; toStore: ProcessedImage[]; linked: string[]; notes: string[] };

export async function prepareImportedFigures(actor: Actor, content: JSONContent, figures: ImportedFigures): Promise<PreparedFigures> {
  const notes = [...figures.notes];
  const sizes = new Map<string, { hash: string; width: number; height: number }>();
  const toStore: ProcessedImage[] = [];
  const linked: string[] = [];
  const failures: string[] = [];

  for (const [index, { token, dataUrl }] of figures.embedded.entries()) {
    if (sizes.has(token)) continue;
    if (index >= MAX_IMPORTED_IMAGES) {
      failures.push(`more than ${MAX_IMPORTED_IMAGES} images`);
      continue;
    }
    try {
      const image = await processImage(decodeDataUrl(dataUrl));
      toStore.push(image);
      sizes.set(token, { hash: image.hash, width: image.width, height: image.height });
    } catch (error) {
      failures.push(error instanceof AppError ? error.message : "the image could not be read");
    }
  }
  const stored = [...new Set(figures.stored)].filter((hash) => MEDIA_HASH_PATTERN.test(hash));
  if (stored.length > 0) {
    const assets = await getPrisma().mediaAsset.findMany({ where: { hash: { in: stored } }, select: { hash: true, width: true, height: true } });
    for (const asset of assets) {
      if (!(await canReadMedia(actor, asset.hash))) continue;
      sizes.set(asset.hash, asset);
      linked.push(asset.hash);
    }
    const missing = stored.length - linked.length;
    if (missing > 0) failures.push(...Array<string>(missing).fill("it refers to an image that is not stored here, or that you cannot see"));
  }
  for (const reason of new Set(failures)) {
    const count = failures.filter((failure) => failure === reason).length;
    notes.push(`${count} image${count === 1 ? "" : "s"} ${count === 1 ? "was" : "were"} not kept (caption kept as text): ${reason}.`);
  }
  return { content: withFigureSizes(content, sizes), toStore, linked, notes };
}

/** The bytes of a data: URL (base64 or percent-encoded). */
export function decodeDataUrl(dataUrl: string): Buffer {
  const match = /^data:[^,]*?(;base64)?,(.*)$/is.exec(dataUrl);
  if (!match) throw new AppError("unprocessable", "the image's data: address is malformed");
  const payload = match[2]!;
  try {
    return match[1] ? Buffer.from(payload.replace(/\s+/g, ""), "base64") : Buffer.from(decodeURIComponent(payload), "latin1");
  } catch {
    throw new AppError("unprocessable", "the image's data: address is malformed");
  }
}

/** Figures get their stored image's hash and size; those without one become their caption (or go). */
function withFigureSizes(node: JSONContent, sizes: Map<string, { hash: string; width: number; height: number }>): JSONContent {
  if (!node.content) return node;
  const content: JSONContent[] = [];
  for (const child of node.content) {
    if (child.type !== "figure") {
      content.push(withFigureSizes(child, sizes));
      continue;
    }
    const size = sizes.get(String(child.attrs?.hash));
    if (size) {
      content.push({ ...child, attrs: { ...child.attrs, hash: size.hash, width: size.width, height: size.height } });
      continue;
    }
    const caption = typeof child.attrs?.caption === "string" ? child.attrs.caption : "";
    if (caption) content.push({ type: "paragraph", content: [{ type: "text", text: caption }] });
  }
  // A container must keep a block (a quote whose only child was a lost figure).
  return { ...node, content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
