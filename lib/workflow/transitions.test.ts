import { describe, expect, it } from "vitest";
import { DOCUMENT_STATUSES, type DocumentRoleName } from "../documentTypes";
import { decideTransition, WORKFLOW_ACTIONS, type NewsroomRoleName } from "./transitions";

const NEWSROOM_ROLES: NewsroomRoleName[] = ["admin", "editor", "analyst", "viewer"];
const DOCUMENT_ROLES: DocumentRoleName[] = ["viewer", "commenter", "suggester", "editor"];

// The expected table, written independently of the implementation:
// [action, from status, to status, who may].
const ALLOWED: [string, string, string, (newsroom: NewsroomRoleName, document: DocumentRoleName) => boolean][] = [];
const writer = (_n: NewsroomRoleName, d: DocumentRoleName) => d === "editor" || d === "suggester";
const editor = (n: NewsroomRoleName, d: DocumentRoleName) => d === "editor" && (n === "editor" || n === "admin");
ALLOWED.push(["submit", "draft", "in_review", writer]);
for (const from of ["in_review", "approved"]) ALLOWED.push(["request_changes", from, "draft", editor]);
for (const from of ["in_review", "approved", "published"]) ALLOWED.push(["approve", from, "approved", editor]);
ALLOWED.push(["publish", "approved", "published", editor]);
ALLOWED.push(["unpublish", "published", "draft", editor]);
for (const from of ["draft", "in_review", "approved"]) ALLOWED.push(["spike", from, "spiked", editor]);
ALLOWED.push(["restore", "spiked", "draft", editor]);

describe("workflow transitions, every newsroom role × document role × status × action", () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const status of DOCUMENT_STATUSES) {
      it(`${action} from ${status}`, () => {
        for (const newsroomRole of NEWSROOM_ROLES) {
          for (const documentRole of DOCUMENT_ROLES) {
            for (const isAuthor of [false, true]) {
              const rule = ALLOWED.find(([a, from]) => a === action && from === status);
              const expectedOk = !!rule && rule[3](newsroomRole, documentRole) && !(action === "approve" && isAuthor);
              const decision = decideTransition({ action, status, newsroomRole, documentRole, isAuthor, twoPersonRule: true, approvalFresh: false, note: "fix the lede" });
              expect(decision.ok, `${newsroomRole}/${documentRole}/author=${isAuthor}`).toBe(expectedOk);
              if (decision.ok) expect(decision.to).toBe(rule![2]);
            }
          }
        }
      });
    }
  }

  it("lets an author approve their own draft only when the two-person rule is off", () => {
    const base = { action: "approve", status: "in_review", newsroomRole: "editor", documentRole: "editor", isAuthor: true, approvalFresh: false } as const;
    expect(decideTransition({ ...base, twoPersonRule: true })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(decideTransition({ ...base, twoPersonRule: false })).toEqual({ ok: true, to: "approved" });
  });

  it("requires a note to request changes", () => {
    const base = { action: "request_changes", status: "in_review", newsroomRole: "editor", documentRole: "editor", isAuthor: false, twoPersonRule: true, approvalFresh: false } as const;
    expect(decideTransition({ ...base, note: "  " })).toMatchObject({ ok: false, kind: "invalid" });
    expect(decideTransition({ ...base, note: "Source the casualty figure" })).toEqual({ ok: true, to: "draft" });
  });

  it("approves an approved piece again only after it changed", () => {
    const base = { action: "approve", status: "approved", newsroomRole: "editor", documentRole: "editor", isAuthor: false, twoPersonRule: true } as const;
    expect(decideTransition({ ...base, approvalFresh: false })).toEqual({ ok: true, to: "approved" });
    expect(decideTransition({ ...base, approvalFresh: true })).toMatchObject({ ok: false, kind: "conflict", reason: "Already approved: the text has not changed since" });
    expect(decideTransition({ ...base, approvalFresh: false, isAuthor: true })).toMatchObject({ ok: false, kind: "forbidden" });
  });
});
