"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { STATUS_LABELS, type DocumentSummary, type PresentUser } from "@/lib/documentTypes";
import type { DocumentEvent } from "@/lib/review/reviewTypes";
import { PresenceAvatars } from "../PresenceAvatars";
import { requestJson } from "../review/reviewApi";
import { ShareDialog } from "../review/ShareDialog";
import { MetadataPanel } from "../workflow/MetadataPanel";
import { WorkflowBar, type ApprovalInfo, type LatestPublication } from "../workflow/WorkflowBar";
import type { PublicState } from "@/lib/workflow/publicState";
import type { NewsroomRoleName } from "@/lib/workflow/transitions";
import type { ConnectionState } from "./collabSession";
import { ConnectionStatus } from "./ConnectionStatus";
import { DocumentTitleField } from "./DocumentTitleField";
import { ExportMenu } from "./ExportMenu";
import { ErrorMessage } from "../ErrorMessage";

// Browser only: a server render would import a second copy of yjs.
const CollaborativeEditor = dynamic(() => import("./CollaborativeEditor"), {
  ssr: false,
  loading: () => <p className="editor-loading">Loading editor…</p>,
});

const ROLE_NOTES: Record<string, string | null> = {
  viewer: "You can read this document and see who is here, but your role (viewer) can't change or comment on it.",
  commenter: "You can comment on this document; your role (commenter) can't change its text.",
  suggester: "Your edits here are suggestions for an editor to accept or reject.",
  editor: null,
};

type WorkflowState = {
  approval: ApprovalInfo;
  changedSinceApproval: boolean;
  /** Headline, dek, byline or slug changed since approval (the text's part the editor follows live). */
  metadataChangedSinceApproval: boolean;
  twoPersonRule: boolean;
  publishBlockers: string[];
  latestPublication: LatestPublication;
  publicState: PublicState;
};

export function DocumentWorkspace(props: { document: DocumentSummary; user: PresentUser; newsroomRole: NewsroomRoleName }) {
  const isNewsroomEditor = props.newsroomRole === "editor" || props.newsroomRole === "admin";
  const [document, setDocumentState] = useState(props.document);
  // Answers can arrive out of order (a save and a refresh in flight together): never go back to an older copy.
  const setDocument = useCallback(
    (next: DocumentSummary) => setDocumentState((current) => (next.updatedAt >= current.updatedAt ? next : current)),
    [],
  );
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [people, setPeople] = useState<PresentUser[]>([props.user]);
  const [shareOpen, setShareOpen] = useState(false);
  const [reviewModeError, setReviewModeError] = useState<string | null>(null);
  const onConnectionChange = useCallback((state: ConnectionState) => setConnection(state), []);
  const onPresenceChange = useCallback((users: PresentUser[]) => setPeople(users), []);

  const [workflow, setWorkflow] = useState<WorkflowState>({
    approval: null,
    changedSinceApproval: false,
    metadataChangedSinceApproval: false,
    twoPersonRule: true,
    publishBlockers: [],
    latestPublication: null,
    publicState: { kind: "never_published" },
  });
  // The editor tells us live whether the text moved past the approved state.
  const [changedLive, setChangedLive] = useState<boolean | null>(null);

  const refreshWorkflow = useCallback(async () => {
    setWorkflow(await requestJson<WorkflowState>(`/api/documents/${props.document.id}/workflow`));
  }, [props.document.id]);
  const refresh = useCallback(async () => {
    const [summary] = await Promise.all([requestJson<DocumentSummary>(`/api/documents/${props.document.id}`), refreshWorkflow()]);
    setDocument(summary);
  }, [props.document.id, refreshWorkflow]);

  useEffect(() => {
    void refresh().catch(() => {});
  }, [refresh]);

  // Title, review mode and membership changes arrive live; roles may change with them.
  const onDocumentEvent = useCallback(
    (event: DocumentEvent) => {
      if (event.type === "document") setDocumentState((current) => ({ ...current, title: event.title, reviewMode: event.reviewMode, status: event.status }));
      if (event.type === "document" || event.type === "members") void refresh().catch(() => {});
      // Opening or resolving a thread can add or clear a publish blocker.
      if (event.type === "thread") void refreshWorkflow().catch(() => {});
    },
    [refresh, refreshWorkflow],
  );

  async function toggleReviewMode(enabled: boolean) {
    setReviewModeError(null);
    try {
      setDocument(await requestJson<DocumentSummary>(`/api/documents/${document.id}`, { method: "PATCH", body: { reviewMode: enabled } }));
    } catch (error) {
      setReviewModeError(error instanceof Error ? error.message : "Could not change review mode");
    }
  }

  const note = ROLE_NOTES[document.role];
  return (
    <main id="main" className="editor-shell">
      <div className="editor-topbar">
        <Link href="/" className="back-link">
          ← All documents
        </Link>
        <span className={`status-chip ${document.status}`}>{STATUS_LABELS[document.status]}</span>
        {document.reviewMode && <span className="status-chip in_review">Review mode</span>}
        <span className="spacer" />
        <PresenceAvatars users={people} label="People in this document" />
        <ConnectionStatus state={connection} />
        <Link href={`/documents/${document.id}/history`} className="button small">
          History
        </Link>
        <ExportMenu documentId={document.id} />
        {document.role === "editor" && (
          <button type="button" className="button small" onClick={() => setShareOpen(true)}>
            Share
          </button>
        )}
      </div>
      <DocumentTitleField documentId={document.id} title={document.title} canRename={document.role === "editor"} />
      <WorkflowBar
        document={document}
        newsroomRole={props.newsroomRole}
        userId={props.user.id}
        twoPersonRule={workflow.twoPersonRule}
        approval={workflow.approval}
        changedSinceApproval={(changedLive ?? workflow.changedSinceApproval) || workflow.metadataChangedSinceApproval}
        publishBlockers={workflow.publishBlockers}
        latestPublication={workflow.latestPublication}
        publicState={workflow.publicState}
        onChanged={() => void refresh().catch(() => {})}
      />
      <MetadataPanel document={document} canEdit={document.role === "editor"} onSaved={setDocument} />
      {isNewsroomEditor && document.role === "editor" && (
        <label className="review-mode-toggle">
          <input type="checkbox" checked={document.reviewMode} onChange={(event) => void toggleReviewMode(event.target.checked)} />
          Review mode: edits by analysts become suggestions
        </label>
      )}
      <ErrorMessage message={reviewModeError} />
      {note && (
        <p className="readonly-banner" role="note">
          {note}
        </p>
      )}
      <CollaborativeEditor
        documentId={document.id}
        documentTitle={document.title}
        user={props.user}
        role={document.role}
        onConnectionChange={onConnectionChange}
        onPresenceChange={onPresenceChange}
        onDocumentEvent={onDocumentEvent}
        approvedStateVector={workflow.approval?.stateVector ?? null}
        onChangedSinceApproval={setChangedLive}
      />
      {shareOpen && <ShareDialog documentId={document.id} currentUserId={props.user.id} onClose={() => setShareOpen(false)} />}
    </main>
  );
}
