// Issue 10, hole 9: an approval covers the newsroom metadata a reader sees —
// headline, dek, byline and slug — as well as the text. Changing any of them
// after approval makes it stale (the workflow bar says so, publishing is
// refused with the reason) until an editor approves again; section and tags
// are not part of it.
import { describe, expect, it } from "vitest";
import type { UpdateDocumentBody } from "../../lib/apiSchemas";
import { getPrisma } from "../../server/db/prisma";
import { updateDocument } from "../../server/documents/documents";
import { AppError } from "../../server/errors";
import { getWorkflowState } from "../../server/workflow/getWorkflowState";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const STALE = /^Headline, dek, byline or slug changed since approval by /;

async function publishError(actor: Parameters<typeof transitionDocument>[0], documentId: string): Promise<{ code: string; blockers: string[] }> {
  try {
    await transitionDocument(actor, documentId, { action: "publish" });
    return { code: "ok", blockers: [] };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, blockers: ((error.details as { blockers?: string[] } | undefined)?.blockers ?? []) };
  }
}

describe("approval covers the newsroom metadata", () => {
  const harness = useTestServer();

  it("a changed headline, dek, byline or slug makes the approval stale and blocks publishing until approved again", async () => {
    const [analyst, editor, colleague] = await Promise.all([createTestUser("analyst", "Analyst"), createTestUser("editor", "Editor"), createTestUser("analyst", "Colleague")]);
    const document = await createTestDocument(analyst, [{ id: colleague.id, role: "editor" }]);
    const writer = harness.connect(document.id, await sessionCookie(analyst));
    await writer.waitSynced();
    writer.appendParagraph("The approved text.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 1);
    const slug = `approved-${document.id.slice(0, 8)}`;
    await updateDocument(editor, document.id, { headline: "Approved headline", dek: "Approved dek", bylineId: analyst.id, slug });
    await transitionDocument(analyst, document.id, { action: "submit" });
    await transitionDocument(editor, document.id, { action: "approve" });
    expect((await getWorkflowState(editor, document.id)).changedSinceApproval).toBe(false);

    const changes: UpdateDocumentBody[] = [{ headline: "A headline nobody approved" }, { dek: "A dek nobody approved" }, { bylineId: colleague.id }, { slug: `${slug}-changed` }];
    for (const change of changes) {
      await updateDocument(editor, document.id, change);
      const state = await getWorkflowState(editor, document.id);
      expect(state.changedSinceApproval, JSON.stringify(change)).toBe(true);
      expect(state.metadataChangedSinceApproval).toBe(true);
      expect(state.publishBlockers.some((blocker) => STALE.test(blocker)), state.publishBlockers.join("; ")).toBe(true);
      const refused = await publishError(editor, document.id);
      expect(refused.code).toBe("conflict");
      expect(refused.blockers.some((blocker) => STALE.test(blocker))).toBe(true);
      // Approving again covers the metadata as it stands now.
      await transitionDocument(editor, document.id, { action: "approve" });
      expect((await getWorkflowState(editor, document.id)).changedSinceApproval).toBe(false);
    }

    // Section and tags are filing details, not what the approver signed off.
    await updateDocument(editor, document.id, { section: "Analysis", tags: ["Türkiye"] });
    expect((await getWorkflowState(editor, document.id)).changedSinceApproval).toBe(false);

    expect((await publishError(editor, document.id)).code).toBe("ok");
    const publication = await getPrisma().publication.findFirstOrThrow({ where: { documentId: document.id }, include: {} });
    expect([publication.headline, publication.dek, publication.slug]).toEqual(["A headline nobody approved", "A dek nobody approved", `${slug}-changed`]);
    expect(publication.bylineName).toBe("Colleague");
  });

  it("an approval made before metadata was pinned counts as stale (fail closed)", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst"), createTestUser("editor")]);
    const document = await createTestDocument(analyst);
    await updateDocument(editor, document.id, { headline: "Old approval", bylineId: analyst.id, slug: `old-${document.id.slice(0, 8)}` });
    await transitionDocument(analyst, document.id, { action: "submit" });
    await transitionDocument(editor, document.id, { action: "approve" });
    await getPrisma().approval.updateMany({ where: { documentId: document.id }, data: { metadataHash: null } });
    const state = await getWorkflowState(editor, document.id);
    expect(state.changedSinceApproval).toBe(true);
    expect((await publishError(editor, document.id)).code).toBe("conflict");
  });
});
