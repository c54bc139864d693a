// Approvals in force: the latest approval of a document that was not revoked.
import { getPrisma } from "../db/prisma";
import { presentUser } from "../review/threadView";
import { APPROVED_METADATA_SELECT, metadataChangedSince } from "./approvedMetadata";

export type ApprovalView = {
  approver: { id: string; name: string; color: string };
  approvedAt: string;
  contentHash: string;
  /** Base64 Yjs state vector at approval: any later edit advances the document past it. */
  stateVector: string;
  /** The approved headline, dek, byline and slug (approvedMetadata.ts); null: approved before they were pinned. */
  metadataHash: string | null;
};

/** The approval in force, if any (the latest one not revoked). */
export async function findCurrentApproval(documentId: string): Promise<ApprovalView | null> {
  const row = await getPrisma().approval.findFirst({
    where: { documentId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    include: { approver: { select: { id: true, name: true } } },
  });
  if (!row) return null;
  return {
    approver: presentUser(row.approver),
    approvedAt: row.createdAt.toISOString(),
    contentHash: row.contentHash,
    stateVector: Buffer.from(row.stateVector).toString("base64"),
    metadataHash: row.metadataHash,
  };
}

/** Whether the document's headline, dek, byline or slug moved past the approval. */
export async function metadataChangedSinceApproval(documentId: string, approval: Pick<ApprovalView, "metadataHash">): Promise<boolean> {
  const current = await getPrisma().document.findUniqueOrThrow({ where: { id: documentId }, select: APPROVED_METADATA_SELECT });
  return metadataChangedSince(approval.metadataHash, current);
}
