// Shapes the HTTP API returns, shared with the browser.
export const DOCUMENT_STATUSES = ["draft", "in_review", "approved", "published", "spiked"] as const;
export type DocumentStatusName = (typeof DOCUMENT_STATUSES)[number];
export type DocumentRoleName = "viewer" | "commenter" | "suggester" | "editor";

export type DocumentSummary = {
  id: string;
  title: string;
  status: DocumentStatusName;
  role: DocumentRoleName;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  /** Edits by analysts become suggestions. */
  reviewMode: boolean;
  metadata: DocumentMetadata;
  createdBy: { id: string; name: string };
  /** Published at least once (even if unpublished since): the slug can no longer change. */
  hasBeenPublished: boolean;
};

export type DocumentMetadata = {
  headline: string | null;
  dek: string | null;
  byline: { id: string; name: string } | null;
  slug: string | null;
  section: string | null;
  tags: string[];
};

export type PresentUser = { id: string; name: string; color: string };

export type DocumentListItem = DocumentSummary & { editingNow: PresentUser[] };

export const STATUS_LABELS: Record<DocumentStatusName, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  published: "Published",
  spiked: "Spiked",
};
