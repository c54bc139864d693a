"use client";

import { useState } from "react";
import type { DocumentSummary } from "@/lib/documentTypes";
import { relativeTime } from "@/lib/relativeTime";
import { availableActions, TRANSITIONS, type NewsroomRoleName, type WorkflowAction } from "@/lib/workflow/transitions";
import { ErrorMessage } from "../ErrorMessage";
import { requestJson } from "../review/reviewApi";

export type ApprovalInfo = { approver: { id: string; name: string }; approvedAt: string; stateVector: string } | null;

/** The workflow buttons this user may press now, and the approval in force. */
export function WorkflowBar(props: {
  document: DocumentSummary;
  newsroomRole: NewsroomRoleName;
  userId: string;
  twoPersonRule: boolean;
  approval: ApprovalInfo;
  changedSinceApproval: boolean;
  onChanged: () => void;
}) {
  const { document } = props;
  const [noteFor, setNoteFor] = useState<WorkflowAction | null>(null);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = availableActions({
    status: document.status,
    newsroomRole: props.newsroomRole,
    documentRole: document.role,
    isAuthor: document.createdBy.id === props.userId,
    twoPersonRule: props.twoPersonRule,
  });

  async function run(action: WorkflowAction, withNote?: string) {
    if (TRANSITIONS[action].noteRequired && withNote === undefined) {
      setNoteFor(action);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await requestJson(`/api/documents/${document.id}/transitions`, { method: "POST", body: { action, ...(withNote ? { note: withNote } : {}) } });
      setNoteFor(null);
      setNote("");
      props.onChanged();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not change the status");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="workflow-bar" role="region" aria-label="Workflow">
      {props.approval && (
        <span className={props.changedSinceApproval ? "approval stale" : "approval"} role="status">
          {props.changedSinceApproval ? "Changed since approval by " : "Approved by "}
          <strong>{props.approval.approver.name}</strong> · {relativeTime(props.approval.approvedAt)}
        </span>
      )}
      {actions.map((action) => (
        <button key={action} type="button" className={action === "approve" || action === "submit" ? "button small primary" : "button small"} disabled={pending} onClick={() => void run(action)}>
          {TRANSITIONS[action].label}
        </button>
      ))}
      {noteFor && (
        <form
          className="toolbar-row workflow-note"
          onSubmit={(event) => {
            event.preventDefault();
            void run(noteFor, note);
          }}
        >
          <label htmlFor="workflow-note" className="visually-hidden">
            What should change?
          </label>
          <input id="workflow-note" className="input" autoFocus placeholder="What should change?" value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
          <button type="submit" className="button small primary" disabled={pending || note.trim() === ""}>
            Send back to draft
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
