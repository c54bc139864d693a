// Clean-up of uploads nobody uses: an image uploaded and then removed from the
// draft (or whose document was deleted) would otherwise stay in PostgreSQL
// for ever. An image is deleted when all of these hold:
//   - it was stored more than the grace period ago (an upload whose figure is
//     still on its way into the document, or in a room's write-behind
//     window, is never touched), and not uploaded again since;
//   - no publication shows it (publication_media; the foreign key refuses
//     the delete anyway);
//   - neither the current content nor any version of a document it was
//     uploaded to has a figure of it. Those are the only documents that may
//     show it (a figure shows only its document's own uploads), and a version
//     can be restored, so its images stay.
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { getPrisma } from "../db/prisma";
import { loadCurrentDocument } from "../documents/currentContent";
import { getLogger } from "../log";
import { documentJSONFromYDoc } from "../documents/documentState";

export const MEDIA_GRACE_MS = 24 * 60 * 60 * 1000;
/** How many unpublished old images one pass looks at (the next pass takes the rest). */
const BATCH = 200;

export async function deleteUnusedMedia({ graceMs = MEDIA_GRACE_MS, now = new Date() }: { graceMs?: number; now?: Date } = {}): Promise<{ deleted: string[] }> {
  const prisma = getPrisma();
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates = await prisma.mediaAsset.findMany({
    where: { createdAt: { lt: cutoff }, publications: { none: {} }, documents: { none: { createdAt: { gte: cutoff } } } },
    select: { hash: true, documents: { select: { documentId: true } } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  if (candidates.length === 0) return { deleted: [] };

  const documentIds = [...new Set(candidates.flatMap((asset) => asset.documents.map((link) => link.documentId)))];
  const used = new Set<string>();
  for (const documentId of documentIds) for (const hash of await figureHashesOfDocument(documentId)) used.add(hash);
  const unused = candidates.map((asset) => asset.hash).filter((hash) => !used.has(hash));
  if (unused.length === 0) return { deleted: [] };

  // The same conditions again in the delete itself: an image published or
  // uploaded again while this pass read the documents stays.
  const deletable = await prisma.mediaAsset.findMany({
    where: { hash: { in: unused }, createdAt: { lt: cutoff }, publications: { none: {} }, documents: { none: { createdAt: { gte: cutoff } } } },
    select: { hash: true },
  });
  const hashes = deletable.map((asset) => asset.hash);
  // The document links first (their foreign key does not cascade); the
  // renditions go with the asset.
  await prisma.$transaction([
    prisma.documentMedia.deleteMany({ where: { hash: { in: hashes } } }),
    prisma.mediaAsset.deleteMany({ where: { hash: { in: hashes }, publications: { none: {} } } }),
  ]);
  return { deleted: hashes };
}

/** Every image hash a figure shows in the document's current content or any of its versions. */
async function figureHashesOfDocument(documentId: string): Promise<Set<string>> {
  const hashes = new Set<string>();
  const current = await loadCurrentDocument(documentId);
  try {
    collectFigureHashes(documentJSONFromYDoc(current), hashes);
  } finally {
    current.destroy();
  }
  const versions = await getPrisma().documentVersion.findMany({ where: { documentId }, select: { state: true } });
  for (const version of versions) {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, version.state);
      collectFigureHashes(documentJSONFromYDoc(doc), hashes);
    } finally {
      doc.destroy();
    }
  }
  return hashes;
}

function collectFigureHashes(node: JSONContent, into: Set<string>): void {
  if (node.type === "figure" && typeof node.attrs?.hash === "string") into.add(node.attrs.hash);
  for (const child of node.content ?? []) collectFigureHashes(child, into);
}

/**
 * Runs deleteUnusedMedia every `intervalMs` (the first pass after `firstAfterMs`,
 * so a start is not slowed). Returns the function that stops it. With several
 * nodes each runs it; a pass is idempotent.
 */
export function startMediaCleanup({ intervalMs = 6 * 60 * 60 * 1000, firstAfterMs = 10 * 60 * 1000, graceMs = MEDIA_GRACE_MS } = {}): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const { deleted } = await deleteUnusedMedia({ graceMs });
      if (deleted.length > 0) getLogger().info({ component: "media", deleted: deleted.length }, "deleted unused images");
    } catch (error) {
      getLogger().error({ component: "media", err: error }, "clean-up of unused images failed; will retry");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void pass(), firstAfterMs);
  const timer = setInterval(() => void pass(), intervalMs);
  // Neither keeps the process alive.
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
