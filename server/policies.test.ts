import { describe, expect, it } from "vitest";
import { canCreateDocument, canEditContent, canReadNewsroomAudit, defaultDocumentRole, documentRoleFor, isGrantAllowed } from "./policies";

describe("policies", () => {
  it("gives analysts and viewers access only through membership", () => {
    expect(documentRoleFor({ id: "1", role: "analyst" }, null)).toBeNull();
    expect(documentRoleFor({ id: "1", role: "viewer" }, null)).toBeNull();
    expect(documentRoleFor({ id: "1", role: "analyst" }, "viewer")).toBe("viewer");
  });
  it("lets newsroom editors and admins into every document as editors, whatever a member row says", () => {
    expect(documentRoleFor({ id: "1", role: "editor" }, null)).toBe("editor");
    expect(documentRoleFor({ id: "1", role: "admin" }, null)).toBe("editor");
    expect(documentRoleFor({ id: "1", role: "editor" }, "commenter")).toBe("editor");
    expect(documentRoleFor({ id: "1", role: "admin" }, "viewer", { reviewMode: true })).toBe("editor");
  });
  it("caps a member row at what the newsroom role allows", () => {
    expect(documentRoleFor({ id: "1", role: "viewer" }, "editor")).toBe("viewer");
    expect(documentRoleFor({ id: "1", role: "analyst" }, "editor")).toBe("editor");
    expect(isGrantAllowed("viewer", "viewer")).toBe(true);
    expect(isGrantAllowed("viewer", "commenter")).toBe(false);
    expect(isGrantAllowed("analyst", "editor")).toBe(true);
    expect(isGrantAllowed("editor", "viewer")).toBe(false);
    expect(isGrantAllowed("admin", "editor")).toBe(true);
  });
  it("lets only document editors change content", () => {
    expect(canEditContent("editor")).toBe(true);
    for (const role of ["viewer", "commenter", "suggester"] as const) expect(canEditContent(role)).toBe(false);
  });
  it("keeps viewers read-only by default", () => {
    expect(defaultDocumentRole("viewer")).toBe("viewer");
    expect(defaultDocumentRole("analyst")).toBe("editor");
    expect(canCreateDocument({ id: "1", role: "viewer" })).toBe(false);
    expect(canCreateDocument({ id: "1", role: "analyst" })).toBe(true);
  });
  it("shows the newsroom-wide audit log only to newsroom editors and admins", () => {
    expect(canReadNewsroomAudit({ id: "1", role: "editor" })).toBe(true);
    expect(canReadNewsroomAudit({ id: "1", role: "admin" })).toBe(true);
    expect(canReadNewsroomAudit({ id: "1", role: "analyst" })).toBe(false);
    expect(canReadNewsroomAudit({ id: "1", role: "viewer" })).toBe(false);
  });
});
