// Creates a document from imported content: the document, its creator's
// editor membership, its first snapshot and the `import` audit event are
// written in one transaction, so a failure leaves nothing behind.
import { randomUUID } from "node:crypto";
import { snapshotOf } from "../collab/documentStore";
import { getPrisma } from "../db/prisma";
import { yDocFromJSON } from "../documents/documentState";
import { AppError } from "../errors";
import { linkImages, storeImage } from "../media/media";
import { publishNewsroomEvent } from "../newsroom/newsroomEvents";
import { canCreateDocument, type Actor } from "../policies";
import { auditEventData } from "../workflow/audit";
import type { ImportSource } from "./documentFromImport";
import { prepareImportedFigures } from "./importFigures";
import { parseImport } from "./importParser";

/** Importing is creating: refused before the body is read, and again before anything is written. */
export function authorizeImport(actor: Actor): void {
  if (!canCreateDocument(actor)) throw new AppError("forbidden", "Viewers cannot create documents");
}

export async function importDocument(actor: Actor, source: ImportSource): Promise<{ id: string; title: string; notes: string[] }> {
  authorizeImport(actor);
  const parsed = await parseImport(source);
  const { title } = parsed;
  const { content, toStore, linked, notes } = await prepareImportedFigures(actor, parsed.content, parsed.figures);
  const doc = yDocFromJSON(content);
  const { state, stateVector } = snapshotOf(doc);
  doc.destroy();

  const id = randomUUID();
  const now = new Date();
  await getPrisma().$transaction([
    getPrisma().document.create({
      data: {
        id,
        title,
        createdById: actor.id,
        lastEditedAt: now,
        members: { create: { userId: actor.id, role: "editor" } },
        // upToUpdateId 0: the update log is empty; the room loads this snapshot and appends after it.
        snapshot: { create: { state: new Uint8Array(state), stateVector: new Uint8Array(stateVector), upToUpdateId: 0n } },
      },
    }),
    getPrisma().auditEvent.create({
      data: auditEventData({
        actorId: actor.id,
        documentId: id,
        action: "import",
        details: { format: source.format, ...(source.fileName ? { fileName: source.fileName.slice(0, 200) } : {}) },
      }),
    }),
  ]);
  // The images need the document's row (their link to it); stored once by hash like any upload.
  for (const image of toStore) await storeImage(image, id, actor.id);
  await linkImages(linked, id, actor.id);
  publishNewsroomEvent({ type: "document", documentId: id });
  return { id, title, notes };
}
