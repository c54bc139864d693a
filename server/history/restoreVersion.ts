// Restoring a version: the current text is edited, as one change by the
// person restoring, into the version's text. History is never rewritten: the
// restore is an ordinary edit everyone connected receives, and
// a new version records it.
import type { VersionSummary } from "../../lib/history/historyTypes";
import { replaceContentAsEdit } from "../collab/serverEdits";
import { getPrisma } from "../db/prisma";
import { getDocumentRoleOrThrow } from "../documents/documentAccess";
import { documentJSONFromYDoc } from "../documents/documentState";
import { AppError } from "../errors";
import { canRestoreVersion, type Actor } from "../policies";
import { auditEventData } from "../workflow/audit";
import { withVersionLock } from "./versionLock";
import { loadVersionDoc, takeVersionLocked } from "./versions";

export async function restoreVersion(actor: Actor, documentId: string, number: number): Promise<VersionSummary> {
  const role = await getDocumentRoleOrThrow(actor, documentId);
  if (!canRestoreVersion(role)) throw new AppError("forbidden", "Only editors of this document may restore a version");
  const source = await loadVersionDoc(documentId, number);
  const content = documentJSONFromYDoc(source);
  source.destroy();

  // Under the version lock, so the room's own checkpoint cannot claim the
  // restored text before the restore version does.
  const version = await withVersionLock(documentId, async () => {
    // The text being replaced stays one click away in the history.
    await takeVersionLocked(documentId, { kind: "checkpoint", name: `Before restoring version ${number}`, createdById: actor.id, onlyIfChanged: true });
    await replaceContentAsEdit(documentId, actor.id, content);
    return takeVersionLocked(documentId, { kind: "restore", name: `Restored version ${number}`, createdById: actor.id });
  });
  await getPrisma().auditEvent.create({
    data: auditEventData({ actorId: actor.id, documentId, action: "version_restored", details: { version: number, newVersion: version.number } }),
  });
  return version;
}
