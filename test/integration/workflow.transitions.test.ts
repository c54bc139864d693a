// Workflow: transitions validated on the server, recorded in the audit log;
// approval pinned to the exact (live) content; any later edit makes it stale.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { hasChangedSince } from "../../lib/workflow/hasChangedSince";
import { getPrisma } from "../../server/db/prisma";
import { contentHash, loadCurrentDocument } from "../../server/documents/currentContent";
import { AppError } from "../../server/errors";
import { listDocumentAudit } from "../../server/workflow/audit";
import { findCurrentApproval } from "../../server/workflow/approvals";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const errorCode = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe("editorial workflow", () => {
  const harness = useTestServer();

  it("submit → approve (pinned to the live text) → an edit makes it stale → request changes revokes it; all audited", async () => {
    const [analyst, editor, otherEditor] = await Promise.all([createTestUser("analyst"), createTestUser("editor"), createTestUser("editor")]);
    const document = await createTestDocument(analyst!);
    const writer = harness.connect(document.id, await sessionCookie(analyst!));
    await writer.waitSynced();
    writer.appendParagraph("Approved text.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 1);

    expect(await errorCode(transitionDocument(analyst!, document.id, { action: "approve" }))).toBe("forbidden");
    await transitionDocument(analyst!, document.id, { action: "submit" });
    expect(await errorCode(transitionDocument(analyst!, document.id, { action: "submit" }))).toBe("conflict");

    // Approved before the write-behind window closed: the hash is of the live room's text.
    const { document: approved, approval } = await transitionDocument(editor!, document.id, { action: "approve" });
    expect(approved.status).toBe("approved");
    const live = await loadCurrentDocument(document.id);
    expect(approval!.contentHash).toBe(contentHash(live));
    expect(approval!.approver.id).toBe(editor!.id);
    expect(hasChangedSince(Y.encodeStateVector(live), Buffer.from(approval!.stateVector, "base64"))).toBe(false);

    writer.appendParagraph("Edited after approval.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 2);
    const edited = await loadCurrentDocument(document.id);
    expect(hasChangedSince(Y.encodeStateVector(edited), Buffer.from(approval!.stateVector, "base64"))).toBe(true);
    expect(contentHash(edited)).not.toBe(approval!.contentHash);

    expect(await errorCode(transitionDocument(otherEditor!, document.id, { action: "request_changes" }))).toBe("unprocessable");
    await transitionDocument(otherEditor!, document.id, { action: "request_changes", note: "Re-check the edit" });
    expect(await findCurrentApproval(document.id)).toBeNull();

    const audit = await listDocumentAudit(editor!, document.id);
    expect(audit.map((event) => [event.action, event.actor.id])).toEqual([
      ["request_changes", otherEditor!.id],
      ["approve", editor!.id],
      ["submit", analyst!.id],
    ]);
    expect(audit[0]!.details).toMatchObject({ from: "approved", to: "draft", note: "Re-check the edit" });
  });

  it("an author may not approve their own draft (two-person rule)", async () => {
    const editor = await createTestUser("editor");
    const document = await createTestDocument(editor!);
    await transitionDocument(editor!, document.id, { action: "submit" });
    expect(await errorCode(transitionDocument(editor!, document.id, { action: "approve" }))).toBe("forbidden");
    expect((await getPrisma().document.findUniqueOrThrow({ where: { id: document.id } })).status).toBe("in_review");
    expect(await getPrisma().approval.count({ where: { documentId: document.id } })).toBe(0);
  });

  it("an approved piece that changed is approved again as it stands, by an editor other than its author; unchanged, it is refused", async () => {
    const [author, editor] = await Promise.all([createTestUser("editor"), createTestUser("editor")]);
    const document = await createTestDocument(author!);
    const writer = harness.connect(document.id, await sessionCookie(author!));
    await writer.waitSynced();
    writer.appendParagraph("First text.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 1);
    await transitionDocument(author!, document.id, { action: "submit" });
    const { approval: first } = await transitionDocument(editor!, document.id, { action: "approve" });
    // Nothing changed: approving again is refused and records nothing.
    expect(await errorCode(transitionDocument(editor!, document.id, { action: "approve" }))).toBe("conflict");

    writer.appendParagraph("Changed after approval.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 2);
    // The two-person rule still decides who may.
    expect(await errorCode(transitionDocument(author!, document.id, { action: "approve" }))).toBe("forbidden");
    const { document: again, approval } = await transitionDocument(editor!, document.id, { action: "approve" });
    expect(again.status).toBe("approved");
    const live = await loadCurrentDocument(document.id);
    expect(approval!.contentHash).toBe(contentHash(live));
    expect(approval!.contentHash).not.toBe(first!.contentHash);
    expect(hasChangedSince(Y.encodeStateVector(live), Buffer.from(approval!.stateVector, "base64"))).toBe(false);
    const audit = await listDocumentAudit(editor!, document.id);
    expect(audit.map((event) => event.action)).toEqual(["approve", "approve", "submit"]);
    expect(audit[0]!.details).toMatchObject({ from: "approved", to: "approved" });
  });
});
