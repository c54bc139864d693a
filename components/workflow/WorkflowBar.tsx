"use client";

import Link from "next/link";
import { useState } from "react";
import type { DocumentSummary } from "@/lib/documentTypes";
import { relativeTime } from "@/lib/relativeTime";
import { TRANSITIONS, type NewsroomRoleName, type WorkflowAction } from "@/lib/workflow/transitions";
import { workflowBarModel } from "@/lib/workflow/workflowBarModel";
import type { PublicState } from "@/lib/workflow/publicState";
import { PublicStateLine } from "./PublicStateLine";
import { DocumentActivityButton } from "../audit/DocumentActivityButton";
import { ErrorMessage } from "../ErrorMessage";
import { requestJson } from "../review/reviewApi";

export type LatestPublication = { version: number; url: string; publishAt: string } | null;

export type ApprovalInfo = { approver: { id: string; name: string }; approvedAt: string; stateVector: string } | null;

/** The form an action opens before it runs: a note, a reason, a time, a confirmation. */
type FormAction = "publish" | "request_changes" | "unpublish";
const NOTE_FORMS: Record<FormAction, { formName: string; label: string; placeholder: string; confirm: string; warning?: string }> = {
  publish: { formName: "Publish", label: "Correction or update note", placeholder: "Correction or update note (shown on the page)", confirm: "Publish now" },
  request_changes: { formName: "Request changes", label: "What should change?", placeholder: "What should change?", confirm: "Send back to draft" },
  unpublish: {
    formName: "Confirm unpublishing",
    label: "Reason for unpublishing",
    placeholder: "Reason for unpublishing (kept in the audit log for editors)",
    confirm: "Unpublish now",
    warning: "Unpublish this piece? Readers get “no longer available” at its address at once, until it is published again.",
  },
};

/** The workflow buttons this user may press now, and the approval in force. */
export function WorkflowBar(props: {
  document: DocumentSummary;
  newsroomRole: NewsroomRoleName;
  userId: string;
  twoPersonRule: boolean;
  approval: ApprovalInfo;
  changedSinceApproval: boolean;
  publishBlockers: string[];
  latestPublication: LatestPublication;
  publicState: PublicState;
  onChanged: () => void;
}) {
  const { document } = props;
  const [noteFor, setNoteFor] = useState<FormAction | null>(null);
  const [note, setNote] = useState("");
  const [publishAt, setPublishAt] = useState("");
  const [readerNote, setReaderNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server's list, with staleness kept live by the editor (an edit since the last refresh).
  const model = workflowBarModel({
    status: document.status,
    newsroomRole: props.newsroomRole,
    documentRole: document.role,
    isAuthor: document.createdBy.id === props.userId,
    twoPersonRule: props.twoPersonRule,
    approval: props.approval && { approverName: props.approval.approver.name },
    changedSinceApproval: props.changedSinceApproval,
    publishBlockers: props.publishBlockers,
    hasPublication: props.latestPublication !== null,
  });
  const blockers = model.blockers;

  // Publishing asks for a note when it is a correction/update, and offers scheduling.
  const needsNote = (action: WorkflowAction) => TRANSITIONS[action].noteRequired || (action === "publish" && props.latestPublication !== null);
  async function run(action: WorkflowAction, withNote?: string) {
    // Actions with a form (a note, a reason, a time, a confirmation) open it first.
    if (action in NOTE_FORMS && withNote === undefined) {
      setNoteFor(action as FormAction);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const schedule = action === "publish" && publishAt ? { publishAt: new Date(publishAt).toISOString() } : {};
      const forReaders = action === "unpublish" && readerNote.trim() ? { readerNote: readerNote.trim() } : {};
      await requestJson(`/api/documents/${document.id}/transitions`, { method: "POST", body: { action, ...(withNote ? { note: withNote } : {}), ...schedule, ...forReaders } });
      setNoteFor(null);
      setNote("");
      setPublishAt("");
      setReaderNote("");
      props.onChanged();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not change the status");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="workflow-bar" role="region" aria-label="Workflow">
      {props.approval && model.approvalLine && (
        <span className={model.approvalLine.stale ? "approval stale" : "approval"} role="status">
          {model.approvalLine.stale ? "Changed since approval by " : "Approved by "}
          <strong>{model.approvalLine.approverName}</strong> · {relativeTime(props.approval.approvedAt)}
          {model.approvalLine.stale && (
            <>
              {" · "}
              <Link href={`/documents/${props.document.id}/history?compare=approved`}>See what changed</Link>
            </>
          )}
        </span>
      )}
      <PublicStateLine state={props.publicState} />
      {model.buttons.map((button) => (
        <button
          key={button.action}
          type="button"
          className={button.primary ? "button small primary" : "button small"}
          disabled={pending || button.disabled}
          onClick={() => void run(button.action)}
        >
          {button.label}
        </button>
      ))}
      {/* The audit log is shown to the document's editors (its API also answers other members). */}
      {document.role === "editor" && <DocumentActivityButton documentId={document.id} />}
      {blockers.length > 0 && (
        <div className="publish-blockers" role="status">
          <strong>Can&apos;t publish yet:</strong>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      )}
      {noteFor && (
        <form
          className="toolbar-row workflow-note"
          aria-label={NOTE_FORMS[noteFor].formName}
          onSubmit={(event) => {
            event.preventDefault();
            void run(noteFor, note);
          }}
        >
          {NOTE_FORMS[noteFor].warning && <p className="workflow-note-warning">{NOTE_FORMS[noteFor].warning}</p>}
          {(noteFor !== "publish" || needsNote("publish")) && (
            <>
              <label htmlFor="workflow-note" className="visually-hidden">
                {NOTE_FORMS[noteFor].label}
              </label>
              <input
                id="workflow-note"
                className="input"
                autoFocus
                placeholder={NOTE_FORMS[noteFor].placeholder}
                value={note}
                maxLength={1000}
                onChange={(event) => setNote(event.target.value)}
              />
            </>
          )}
          {noteFor === "unpublish" && (
            <>
              <label htmlFor="workflow-reader-note" className="visually-hidden">
                Note for readers (optional)
              </label>
              <input
                id="workflow-reader-note"
                className="input"
                placeholder="Note for readers (optional, shown on the withdrawn page)"
                value={readerNote}
                maxLength={500}
                onChange={(event) => setReaderNote(event.target.value)}
              />
            </>
          )}
          {noteFor === "publish" && (
            <label className="muted">
              Publish at (optional){" "}
              <input type="datetime-local" className="input small" value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
            </label>
          )}
          <button
            type="submit"
            className={noteFor === "unpublish" ? "button small danger" : "button small primary"}
            disabled={pending || (needsNote(noteFor) && note.trim() === "")}
          >
            {noteFor === "publish" && publishAt ? "Schedule" : NOTE_FORMS[noteFor].confirm}
          </button>
          <button type="button" className="button small" onClick={() => setNoteFor(null)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorMessage message={error} />
    </div>
  );
}
