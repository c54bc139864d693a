// What the editor's workflow bar shows for one user and one state of a piece:
// the buttons, the approval line and the publish gate. Pure, so that a test can
// walk every state and check that no message asks for an action the bar does
// not offer (workflowBarModel.test.ts).
import type { DocumentRoleName, DocumentStatusName } from "../documentTypes";
import { availableActions, TRANSITIONS, type NewsroomRoleName, type WorkflowAction } from "./transitions";

export type WorkflowBarInput = {
  status: DocumentStatusName;
  newsroomRole: NewsroomRoleName;
  documentRole: DocumentRoleName;
  isAuthor: boolean;
  twoPersonRule: boolean;
  approval: { approverName: string } | null;
  changedSinceApproval: boolean;
  /** The server's publish blockers; its approval blocker is rewritten here for this user. */
  publishBlockers: string[];
  /** Published at least once: publishing again is a republish with a note. */
  hasPublication: boolean;
};

export type WorkflowButton = { action: WorkflowAction; label: string; primary: boolean; disabled: boolean };

export type WorkflowBarModel = {
  buttons: WorkflowButton[];
  /** "Approved by …" or "Changed since approval by …" (null without an approval in force). */
  approvalLine: { stale: boolean; approverName: string } | null;
  /** Listed under "Can't publish yet" when the user could publish but may not yet. */
  blockers: string[];
};

/** The server's wording of the approval blockers (server/publishing/publishGate.ts). */
const isApprovalBlocker = (blocker: string) => blocker.startsWith("Changed since approval") || blocker === "Not approved by an editor";

export function workflowBarModel(input: WorkflowBarInput): WorkflowBarModel {
  const approvalFresh = input.approval !== null && !input.changedSinceApproval;
  const actions = availableActions({ ...input, approvalFresh });
  const mayApprove = actions.includes("approve");
  const blockers = input.publishBlockers.filter((blocker) => !isApprovalBlocker(blocker));
  if (input.status === "approved" || input.status === "published") {
    if (!input.approval) blockers.unshift(mayApprove ? "Not approved yet: approve it first" : "Not approved by an editor");
    else if (input.changedSinceApproval) blockers.unshift(`Changed since approval by ${input.approval.approverName}: ${whoApprovesAgain(input, mayApprove)}`);
  }
  const mayPublish = actions.includes("publish");
  return {
    buttons: actions.map((action) => ({
      action,
      label: action === "publish" && input.hasPublication ? "Republish" : TRANSITIONS[action].label,
      primary: action === "approve" || action === "submit" || action === "publish",
      disabled: action === "publish" && blockers.length > 0,
    })),
    approvalLine: input.approval ? { stale: input.changedSinceApproval, approverName: input.approval.approverName } : null,
    blockers: mayPublish ? blockers : [],
  };
}

function whoApprovesAgain(input: WorkflowBarInput, mayApprove: boolean): string {
  if (mayApprove) return "approve it again";
  if (input.isAuthor && input.twoPersonRule) return "another editor has to approve it again (two-person rule)";
  return "an editor has to approve it again";
}
