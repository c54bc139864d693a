// What stands between a document and publishing. The UI lists exactly these;
// the server refuses to publish (409) while any remains.
import * as Y from "yjs";
import { listSuggestions } from "../../lib/editor/suggestions/listSuggestions";
import { hasChangedSince } from "../../lib/workflow/hasChangedSince";
import { getPrisma } from "../db/prisma";
import { documentJSONFromYDoc, documentSchema } from "../documents/documentState";
import { findCurrentApproval, metadataChangedSinceApproval, type ApprovalView } from "../workflow/approvals";
import { findFigureBlockers } from "./figureBlockers";

/** `approval`: the approval in force when the caller already read it. */
export async function findPublishBlockers(documentId: string, doc: Y.Doc, approval?: ApprovalView | null): Promise<string[]> {
  const blockers: string[] = [];
  if (approval === undefined) approval = await findCurrentApproval(documentId);
  if (!approval) blockers.push("Not approved by an editor");
  else if (hasChangedSince(Y.encodeStateVector(doc), Buffer.from(approval.stateVector, "base64"))) {
    blockers.push(`Changed since approval by ${approval.approver.name}: approve it again`);
  } else if (await metadataChangedSinceApproval(documentId, approval)) {
    blockers.push(`Headline, dek, byline or slug changed since approval by ${approval.approver.name}: approve it again`);
  }
  const openThreads = await getPrisma().commentThread.count({ where: { documentId, status: "open" } });
  if (openThreads > 0) blockers.push(`${openThreads} open comment thread${openThreads === 1 ? "" : "s"}`);
  const content = documentSchema().nodeFromJSON(documentJSONFromYDoc(doc));
  const suggestions = listSuggestions(content).length;
  if (suggestions > 0) blockers.push(`${suggestions} pending suggestion${suggestions === 1 ? "" : "s"}`);
  blockers.push(...(await findFigureBlockers(documentId, content)));
  const metadata = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { headline: true, slug: true, bylineId: true } });
  if (!metadata.headline) blockers.push("Headline not set");
  if (!metadata.slug) blockers.push("Slug not set");
  if (!metadata.bylineId) blockers.push("Byline not set");
  return blockers;
}
