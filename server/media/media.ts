// Images of documents, stored in PostgreSQL: upload (process, store once by
// hash, link to the document) and read (a draft's images for its readers, a
// live publication's for everyone).
import type { UploadedMedia } from "../../lib/media";
import { getPrisma } from "../db/prisma";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { AppError } from "../errors";
import { canUploadMedia, documentRoleFor, type Actor } from "../policies";
import { processImage, type ProcessedImage } from "./processImage";

/** Processes and stores an upload for `documentId`. The same image uploaded again is stored once. */
export async function uploadMedia(actor: Actor, documentId: string, bytes: Buffer): Promise<UploadedMedia> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canUploadMedia(role)) throw new AppError("forbidden", "Your role on this document cannot add images");
  const image = await processImage(bytes);
  await storeImage(image, documentId, actor.id);
  return { hash: image.hash, width: image.width, height: image.height, format: image.format };
}

/** Stores a processed image (once, whoever else uploaded it) and links it to the document. */
export async function storeImage(image: ProcessedImage, documentId: string, uploadedById: string): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const created = await tx.mediaAsset.createMany({
      data: [{ hash: image.hash, format: image.format, width: image.width, height: image.height }],
      skipDuplicates: true,
    });
    if (created.count === 1) {
      await tx.mediaRendition.createMany({
        data: image.renditions.map((rendition) => ({ hash: image.hash, ...rendition, bytes: new Uint8Array(rendition.bytes) })),
      });
    }
    // Uploading the same image again counts as new for the clean-up's grace
    // period (deleteUnusedMedia.ts): its figure may be on its way into the document.
    await tx.documentMedia.upsert({
      where: { documentId_hash: { documentId, hash: image.hash } },
      create: { documentId, hash: image.hash, uploadedById },
      update: { createdAt: new Date() },
    });
  });
}

export type MediaFile = { contentType: string; bytes: Uint8Array<ArrayBuffer>; isPublic: boolean };

/**
 * One rendition, if the reader may see it: anyone when a live publication
 * shows the image, else someone who can read a document it was uploaded to.
 * Everything else is "not found", so a hash tells nothing to those who may
 * not see it.
 */
export async function readMedia(reader: Actor | null, hash: string, variant: string): Promise<MediaFile> {
  const rendition = await getPrisma().mediaRendition.findUnique({ where: { hash_variant: { hash, variant } }, select: { contentType: true, bytes: true } });
  if (!rendition) throw new AppError("not_found", "Image not found");
  if (await isPubliclyShown(hash)) return { ...rendition, isPublic: true };
  if (reader && (await canReadDraftMedia(reader, hash))) return { ...rendition, isPublic: false };
  throw new AppError("not_found", "Image not found");
}

/**
 * Shown by a publication the public can read: its time has come and its
 * document was not unpublished since (findPublicArticle's rule; after an
 * unpublish, a later publication brings the whole history back).
 */
async function isPubliclyShown(hash: string): Promise<boolean> {
  const rows = await getPrisma().$queryRaw<{ shown: boolean }[]>`
    SELECT EXISTS (
      SELECT 1
      FROM publication_media pm
      JOIN publications p ON p.id = pm.publication_id
      JOIN documents d ON d.id = p.document_id
      WHERE pm.hash = ${hash}
        AND p.publish_at <= now()
        AND (d.unpublished_at IS NULL OR EXISTS (
          SELECT 1 FROM publications later
          WHERE later.document_id = d.id AND later.publish_at <= now() AND later.created_at > d.unpublished_at))
    ) AS shown`;
  return rows[0]?.shown === true;
}

/** Whether `reader` may see the stored image `hash` (as readMedia decides). */
export async function canReadMedia(reader: Actor, hash: string): Promise<boolean> {
  return (await isPubliclyShown(hash)) || (await canReadDraftMedia(reader, hash));
}

/** Links already stored images to a document (an import that refers to them). */
export async function linkImages(hashes: string[], documentId: string, uploadedById: string): Promise<void> {
  if (hashes.length === 0) return;
  await getPrisma().documentMedia.createMany({ data: hashes.map((hash) => ({ documentId, hash, uploadedById })), skipDuplicates: true });
}

async function canReadDraftMedia(reader: Actor, hash: string): Promise<boolean> {
  const documents = await getPrisma().documentMedia.findMany({
    where: { hash },
    select: { document: { select: { reviewMode: true, members: { where: { userId: reader.id }, select: { role: true } } } } },
  });
  return documents.some(({ document }) => documentRoleFor(reader, document.members[0]?.role ?? null, { reviewMode: document.reviewMode }) !== null);
}

/** Of `hashes`, those uploaded to `documentId` (a figure may only show the document's own images). */
export async function documentMediaHashes(documentId: string, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await getPrisma().documentMedia.findMany({ where: { documentId, hash: { in: hashes } }, select: { hash: true } });
  return new Set(rows.map((row) => row.hash));
}
