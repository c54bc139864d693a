import { describe, expect, it } from "vitest";
import { DOCUMENT_STATUSES, type DocumentRoleName } from "../documentTypes";
import { WORKFLOW_ACTIONS, type NewsroomRoleName, type WorkflowAction } from "./transitions";
import { workflowBarModel, type WorkflowBarInput } from "./workflowBarModel";

const NEWSROOM_ROLES: NewsroomRoleName[] = ["admin", "editor", "analyst", "viewer"];
const DOCUMENT_ROLES: DocumentRoleName[] = ["viewer", "commenter", "suggester", "editor"];
const APPROVALS = ["none", "fresh", "stale"] as const;
const SERVER_BLOCKERS = [[], ["1 open comment thread", "Headline not set"]];

/** Every state the gate and the bar can be asked to show. */
function* everyState(): Generator<WorkflowBarInput> {
  for (const status of DOCUMENT_STATUSES)
    for (const newsroomRole of NEWSROOM_ROLES)
      for (const documentRole of DOCUMENT_ROLES)
        for (const isAuthor of [false, true])
          for (const twoPersonRule of [false, true])
            for (const approval of APPROVALS)
              for (const hasPublication of [false, true])
                for (const publishBlockers of SERVER_BLOCKERS) {
                  // The server lists the approval blockers too; the model rewrites them for the user.
                  const serverApprovalBlocker = approval === "none" ? ["Not approved by an editor"] : approval === "stale" ? ["Changed since approval by Maria Keller: approve it again"] : [];
                  yield {
                    status,
                    newsroomRole,
                    documentRole,
                    isAuthor,
                    twoPersonRule,
                    approval: approval === "none" ? null : { approverName: "Maria Keller" },
                    changedSinceApproval: approval === "stale",
                    publishBlockers: status === "approved" ? [...serverApprovalBlocker, ...publishBlockers] : [],
                    hasPublication,
                  };
                }
}

/** An instruction to the reader names the action as a verb at the start of a clause ("…: approve it again"). */
const INSTRUCTIONS: Record<WorkflowAction, RegExp> = {
  submit: /(^|[:.;] )submit\b/i,
  request_changes: /(^|[:.;] )request changes\b/i,
  approve: /(^|[:.;] )approve\b/i,
  publish: /(^|[:.;] )(re)?publish\b/i,
  unpublish: /(^|[:.;] )unpublish\b/i,
  spike: /(^|[:.;] )spike\b/i,
  restore: /(^|[:.;] )restore\b/i,
};

describe("workflow bar: every message names only actions the bar offers", () => {
  it("walks every status × role × authorship × two-person rule × approval × publication × blockers", () => {
    let states = 0;
    let instructions = 0;
    for (const input of everyState()) {
      states++;
      const model = workflowBarModel(input);
      const offered = new Set(model.buttons.filter((button) => !button.disabled).map((button) => button.action));
      for (const text of model.blockers) {
        for (const action of WORKFLOW_ACTIONS) {
          if (!INSTRUCTIONS[action].test(text)) continue;
          instructions++;
          expect(offered.has(action), `"${text}" for ${JSON.stringify(input)}`).toBe(true);
        }
      }
      // A disabled Publish always says why.
      if (model.buttons.some((button) => button.action === "publish" && button.disabled)) expect(model.blockers.length).toBeGreaterThan(0);
    }
    expect(states).toBe(5 * 4 * 4 * 2 * 2 * 3 * 2 * 2);
    expect(instructions).toBeGreaterThan(0);
  });

  const approvedAndChanged: WorkflowBarInput = {
    status: "approved",
    newsroomRole: "editor",
    documentRole: "editor",
    isAuthor: false,
    twoPersonRule: true,
    approval: { approverName: "Maria Keller" },
    changedSinceApproval: true,
    publishBlockers: ["Changed since approval by Maria Keller: approve it again"],
    hasPublication: false,
  };

  it("offers Approve to an editor when an approved piece changed, and asks for it", () => {
    const model = workflowBarModel(approvedAndChanged);
    expect(model.buttons.map((button) => button.label)).toEqual(["Request changes", "Approve", "Publish", "Spike"]);
    expect(model.blockers).toEqual(["Changed since approval by Maria Keller: approve it again"]);
    expect(model.buttons.find((button) => button.action === "publish")!.disabled).toBe(true);
  });

  it("does not offer Approve again while the approval is fresh", () => {
    const model = workflowBarModel({ ...approvedAndChanged, changedSinceApproval: false, publishBlockers: [] });
    expect(model.buttons.map((button) => button.label)).toEqual(["Request changes", "Publish", "Spike"]);
    expect(model.blockers).toEqual([]);
  });

  it("tells the author, under the two-person rule, that another editor has to approve", () => {
    const model = workflowBarModel({ ...approvedAndChanged, isAuthor: true });
    expect(model.buttons.map((button) => button.action)).not.toContain("approve");
    expect(model.blockers).toEqual(["Changed since approval by Maria Keller: another editor has to approve it again (two-person rule)"]);
  });
});
