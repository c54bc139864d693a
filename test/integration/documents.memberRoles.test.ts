// Issue 10, hole 6: a member row never lowers a newsroom editor or admin, and
// a grant never exceeds what the grantee's newsroom role allows. Also: email
// addresses only for newsroom editors and admins.
import { describe, expect, it } from "vitest";
import { getPrisma } from "../../server/db/prisma";
import { findDocumentRole } from "../../server/documents/documentAccess";
import { listMembers, setMemberRole } from "../../server/documents/members";
import { AppError } from "../../server/errors";
import { listNewsroomUsers } from "../../server/users/listUsers";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

const errorCode = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe("document roles within newsroom roles", () => {
  useTestDatabase();

  it("does not let a document editor lower a newsroom editor or admin", async () => {
    const [analyst, editor, admin] = await Promise.all([createTestUser("analyst"), createTestUser("editor"), createTestUser("admin")]);
    const document = await createTestDocument(analyst);
    expect(await errorCode(setMemberRole(analyst, document.id, editor.id, "viewer"))).toBe("unprocessable");
    expect(await errorCode(setMemberRole(analyst, document.id, admin.id, "commenter"))).toBe("unprocessable");
    expect(await findDocumentRole(editor, document.id)).toBe("editor");

    // A row written before this rule (or by hand) does not lower them either.
    await getPrisma().documentMember.create({ data: { documentId: document.id, userId: editor.id, role: "viewer" } });
    expect(await findDocumentRole(editor, document.id)).toBe("editor");
    const members = await listMembers(analyst, document.id);
    expect(members.find((member) => member.user.id === editor.id)?.role).toBe("editor");
  });

  it("does not let a grant exceed what the grantee's newsroom role allows", async () => {
    const [analyst, viewer, colleague] = await Promise.all([createTestUser("analyst"), createTestUser("viewer"), createTestUser("analyst")]);
    const document = await createTestDocument(analyst);
    expect(await errorCode(setMemberRole(analyst, document.id, viewer.id, "editor"))).toBe("unprocessable");
    expect(await errorCode(setMemberRole(analyst, document.id, viewer.id, "commenter"))).toBe("unprocessable");
    expect(await findDocumentRole(viewer, document.id)).toBeNull();
    await setMemberRole(analyst, document.id, viewer.id, "viewer");
    expect(await findDocumentRole(viewer, document.id)).toBe("viewer");
    await setMemberRole(analyst, document.id, colleague.id, "editor");
    expect(await findDocumentRole(colleague, document.id)).toBe("editor");

    await getPrisma().documentMember.update({ where: { documentId_userId: { documentId: document.id, userId: viewer.id } }, data: { role: "editor" } });
    expect(await findDocumentRole(viewer, document.id)).toBe("viewer");
  });

  it("shows email addresses only to newsroom editors and admins", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst"), createTestUser("editor")]);
    const document = await createTestDocument(analyst);
    const forAnalyst = await listNewsroomUsers(analyst);
    expect(forAnalyst.find((user) => user.id === editor.id)).toEqual(expect.objectContaining({ name: editor.name, color: expect.any(String) }));
    expect(forAnalyst.every((user) => !("email" in user))).toBe(true);
    expect((await listMembers(analyst, document.id)).every((member) => member.user.email === undefined)).toBe(true);

    const forEditor = await listNewsroomUsers(editor);
    expect(forEditor.find((user) => user.id === analyst.id)?.email).toBe(analyst.email);
    expect((await listMembers(editor, document.id))[0]!.user.email).toBe(analyst.email);
  });
});
