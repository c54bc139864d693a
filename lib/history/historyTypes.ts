// What the history API returns; shared by the route handlers and the history page.
import type { PresentUser } from "../documentTypes";

export type VersionKind = "checkpoint" | "transition" | "named" | "restore";

export type VersionSummary = {
  number: number;
  kind: VersionKind;
  /** "Sent to legal", "Approved", "Restored version 3"; null for automatic checkpoints. */
  name: string | null;
  /** Who took it; null for automatic checkpoints. */
  createdBy: PresentUser | null;
  /** Who edited since the previous version. */
  editors: PresentUser[];
  wordCount: number;
  contentHash: string;
  createdAt: string;
};

export type VersionDetail = VersionSummary & {
  /** Sanitized HTML of the version (pending suggestions shown as <ins>/<del>). */
  html: string;
};

/** Either a stored version's number or the document as it is now. */
export type VersionRef = number | "current";

export type VersionComparison = {
  from: VersionRef;
  to: VersionRef;
  /** Sanitized HTML of `to` with insertions since `from` in <ins> and deletions in <del>, attributed where known. */
  html: string;
  insertions: number;
  deletions: number;
};

/** One top-level block of the current text and who wrote it, largest share first. */
export type AuthoredBlock = {
  html: string;
  authors: (PresentUser & { share: number })[];
};
