// What the editor's workflow bar shows: status, the approval in force and
// whether the text moved past it, what blocks publishing, the latest publication.
import * as Y from "yjs";
import { hasChangedSince } from "../../lib/workflow/hasChangedSince";
import { getPrisma } from "../db/prisma";
import { loadCurrentDocument } from "../documents/currentContent";
import { getDocumentOrThrow } from "../documents/documents";
import type { Actor } from "../policies";
import { findPublicState } from "../publishing/findPublicState";
import { findPublishBlockers } from "../publishing/publishGate";
import { findCurrentApproval, metadataChangedSinceApproval } from "./approvals";
import { twoPersonRuleEnabled } from "./transitionDocument";

export async function getWorkflowState(actor: Actor, documentId: string) {
  const document = await getDocumentOrThrow(actor, documentId);
  const approval = await findCurrentApproval(documentId);
  let changedSinceApproval = false;
  // The text's staleness the editor also follows live; this part only the server knows.
  const metadataChanged = approval ? await metadataChangedSinceApproval(documentId, approval) : false;
  let publishBlockers: string[] = [];
  // Reading the content is the costly part (a copy of the whole document): only
  // when there is an approval to compare with or a publish to gate.
  if (approval || document.status === "approved") {
    const current = await loadCurrentDocument(documentId);
    try {
      if (approval) changedSinceApproval = hasChangedSince(Y.encodeStateVector(current), Buffer.from(approval.stateVector, "base64"));
      // Listed exactly as the server will enforce them on publish.
      if (document.status === "approved") publishBlockers = await findPublishBlockers(documentId, current, approval);
    } finally {
      current.destroy();
    }
  }
  const latest = await getPrisma().publication.findFirst({
    where: { documentId },
    orderBy: { version: "desc" },
    select: { version: true, slug: true, publishAt: true },
  });
  return {
    status: document.status,
    approval,
    changedSinceApproval: changedSinceApproval || metadataChanged,
    metadataChangedSinceApproval: metadataChanged,
    publishBlockers,
    latestPublication: latest ? { version: latest.version, url: `/p/${latest.slug}`, publishAt: latest.publishAt.toISOString() } : null,
    publicState: await findPublicState(documentId),
    twoPersonRule: twoPersonRuleEnabled(),
  };
}
