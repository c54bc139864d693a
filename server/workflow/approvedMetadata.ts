// An approval covers the newsroom metadata a reader sees as much as the text:
// headline, dek, byline and slug. They live in the document row, not in the
// Yjs document, so the approval pins a hash of them beside the text's state
// vector; changing any of them makes the approval stale, like an edit.
import { createHash } from "node:crypto";

/** The fields an approval covers, as selected from a document row. */
export const APPROVED_METADATA_SELECT = { headline: true, dek: true, bylineId: true, slug: true } as const;

export type ApprovedMetadata = { headline: string | null; dek: string | null; bylineId: string | null; slug: string | null };

export function metadataHash(metadata: ApprovedMetadata): string {
  // A JSON array: unambiguous field boundaries, a stable order.
  const fields = [metadata.headline, metadata.dek, metadata.bylineId, metadata.slug];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/** Whether the metadata moved past an approval (one made before metadata was pinned counts as moved: fail closed). */
export function metadataChangedSince(approvedHash: string | null, current: ApprovedMetadata): boolean {
  return approvedHash === null || approvedHash !== metadataHash(current);
}
