// The editorial workflow as one policy table: which action moves a document
// from which statuses to which, and who may take it. The server decides with
// it; the browser uses it only to show the buttons a user may press.
import type { DocumentRoleName, DocumentStatusName } from "../documentTypes";

export const WORKFLOW_ACTIONS = ["submit", "request_changes", "approve", "publish", "unpublish", "spike", "restore"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
export type NewsroomRoleName = "admin" | "editor" | "analyst" | "viewer";

type Rule = {
  from: readonly DocumentStatusName[];
  to: DocumentStatusName;
  /** writer: anyone who may change or suggest text; editor: a newsroom editor who edits this document. */
  who: "writer" | "editor";
  noteRequired: boolean;
  /** The refusal when a required note is missing. */
  noteMissing?: string;
  /** The button: "Submit for review". */
  label: string;
  /** What happened, for the audit log and the version it takes: "Submitted for review". */
  doneLabel: string;
};

export const TRANSITIONS: Record<WorkflowAction, Rule> = {
  submit: { from: ["draft"], to: "in_review", who: "writer", noteRequired: false, label: "Submit for review", doneLabel: "Submitted for review" },
  request_changes: { from: ["in_review", "approved"], to: "draft", who: "editor", noteRequired: true, noteMissing: "Request changes needs a note saying what to change", label: "Request changes", doneLabel: "Changes requested" },
  // A published piece that changed is approved again before it is republished; an approved
  // piece that changed after approval is approved again as it stands (see decideTransition).
  approve: { from: ["in_review", "approved", "published"], to: "approved", who: "editor", noteRequired: false, label: "Approve", doneLabel: "Approved" },
  // The publish gate (approval fresh, no open threads or suggestions, metadata) is checked on top.
  publish: { from: ["approved"], to: "published", who: "editor", noteRequired: false, label: "Publish", doneLabel: "Published" },
  // A takedown says why: the reason is kept in the audit log for the newsroom's editors.
  unpublish: { from: ["published"], to: "draft", who: "editor", noteRequired: true, noteMissing: "Unpublishing needs a reason (kept in the audit log)", label: "Unpublish", doneLabel: "Unpublished" },
  spike: { from: ["draft", "in_review", "approved"], to: "spiked", who: "editor", noteRequired: false, label: "Spike", doneLabel: "Spiked" },
  restore: { from: ["spiked"], to: "draft", who: "editor", noteRequired: false, label: "Restore to draft", doneLabel: "Restored to draft" },
};

export type TransitionInput = {
  action: WorkflowAction;
  status: DocumentStatusName;
  newsroomRole: NewsroomRoleName;
  documentRole: DocumentRoleName;
  /** The actor created the document (two-person rule). */
  isAuthor: boolean;
  /** An author may not approve their own draft. */
  twoPersonRule: boolean;
  /**
   * An approval is in force and the text has not moved past it. Approving an
   * approved piece again is only meaningful after a change, so it is refused then.
   */
  approvalFresh: boolean;
  note?: string | undefined;
};

export type TransitionDecision =
  | { ok: true; to: DocumentStatusName }
  | { ok: false; kind: "forbidden" | "conflict" | "invalid"; reason: string };

export function decideTransition(input: TransitionInput): TransitionDecision {
  const rule = TRANSITIONS[input.action];
  const isWriter = input.documentRole === "editor" || input.documentRole === "suggester";
  const isEditor = input.documentRole === "editor" && (input.newsroomRole === "editor" || input.newsroomRole === "admin");
  if (rule.who === "writer" ? !isWriter : !isEditor) {
    return { ok: false, kind: "forbidden", reason: rule.who === "editor" ? `Only newsroom editors can ${rule.label.toLowerCase()}` : "Your role on this document cannot submit it" };
  }
  if (input.action === "approve" && input.twoPersonRule && input.isAuthor) {
    return { ok: false, kind: "forbidden", reason: "You cannot approve your own draft: another editor has to (two-person rule)" };
  }
  if (!rule.from.includes(input.status)) {
    return { ok: false, kind: "conflict", reason: `Cannot ${rule.label.toLowerCase()}: the document is ${input.status.replace("_", " ")}` };
  }
  if (input.action === "approve" && input.status === "approved" && input.approvalFresh) {
    return { ok: false, kind: "conflict", reason: "Already approved: the text has not changed since" };
  }
  if (rule.noteRequired && !input.note?.trim()) {
    return { ok: false, kind: "invalid", reason: rule.noteMissing ?? `${rule.label} needs a note` };
  }
  return { ok: true, to: rule.to };
}

/** The actions a user may take now (for the UI). */
export function availableActions(input: Omit<TransitionInput, "action" | "note">): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const decision = decideTransition({ ...input, action, note: "x" });
    return decision.ok;
  });
}
