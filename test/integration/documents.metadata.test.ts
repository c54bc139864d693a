// Newsroom metadata: validated, unique slugs, bylines only for people with access.
import { describe, expect, it } from "vitest";
import { updateDocument } from "../../server/documents/documents";
import { removeMember, setMemberRole } from "../../server/documents/members";
import { listDocumentAudit } from "../../server/workflow/audit";
import { AppError } from "../../server/errors";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

const errorCode = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe("document metadata", () => {
  useTestDatabase();

  it("saves headline, dek, byline, slug, section and tags; refuses a taken slug and a byline without access", async () => {
    const [owner, viewer, outsider] = await Promise.all([createTestUser("analyst", "Owner"), createTestUser("viewer"), createTestUser()]);
    const document = await createTestDocument(owner!, [{ id: viewer!.id, role: "viewer" }]);
    const other = await createTestDocument(owner!);
    const slug = `istanbul-talks-${document.id.slice(0, 8)}`;

    const saved = await updateDocument(owner!, document.id, {
      headline: "Istanbul talks",
      dek: "What the meeting achieved",
      bylineId: owner!.id,
      slug,
      section: "Analysis",
      tags: ["Türkiye", "Ukraine", "Türkiye"],
    });
    expect(saved.metadata).toEqual({
      headline: "Istanbul talks",
      dek: "What the meeting achieved",
      byline: { id: owner!.id, name: "Owner" },
      slug,
      section: "Analysis",
      tags: ["Türkiye", "Ukraine"],
    });

    expect(await errorCode(updateDocument(owner!, other.id, { slug }))).toBe("conflict");
    expect(await errorCode(updateDocument(owner!, document.id, { bylineId: outsider!.id }))).toBe("unprocessable");
    expect(await errorCode(updateDocument(viewer!, document.id, { headline: "Hijacked" }))).toBe("forbidden");
    expect(await errorCode(updateDocument(outsider!, document.id, { headline: "Hijacked" }))).toBe("not_found");
    expect((await updateDocument(owner!, document.id, { dek: null })).metadata.dek).toBeNull();
  });

  it("changes membership only for document editors, keeps one editor, and audits every change", async () => {
    const [owner, guest] = await Promise.all([createTestUser("analyst", "Owner"), createTestUser("analyst", "Guest")]);
    const document = await createTestDocument(owner!);
    expect(await errorCode(setMemberRole(guest!, document.id, guest!.id, "editor"))).toBe("not_found");
    const members = await setMemberRole(owner!, document.id, guest!.id, "commenter");
    expect(members.map((member) => [member.user.id, member.role])).toEqual([
      [owner!.id, "editor"],
      [guest!.id, "commenter"],
    ]);
    expect(await errorCode(setMemberRole(guest!, document.id, guest!.id, "editor"))).toBe("forbidden");
    expect(await errorCode(removeMember(owner!, document.id, owner!.id))).toBe("conflict");
    await removeMember(owner!, document.id, guest!.id);
    const audit = await listDocumentAudit(owner!, document.id);
    expect(audit.map((event) => [event.action, event.details])).toEqual([
      ["member_removed", { userId: guest!.id }],
      ["member_role_set", { userId: guest!.id, role: "commenter" }],
    ]);
  });
});
