// Version history: versions taken on transitions, by name and automatically
// while people write; opened, compared and restored (as a new edit that every
// connected editor receives); paragraph authorship from the update log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getPrisma } from "../../server/db/prisma";
import { AppError } from "../../server/errors";
import { listBlockAuthorship } from "../../server/history/blockAuthorship";
import { compareVersions } from "../../server/history/compareVersions";
import { restoreVersion } from "../../server/history/restoreVersion";
import { getVersionOrThrow, listVersions, nameCurrentVersion } from "../../server/history/versions";
import { listDocumentAudit } from "../../server/workflow/audit";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const errorCode = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

// Rooms read the interval when they open: one second keeps the activity test short.
const previousInterval = process.env.CHECKPOINT_INTERVAL_SECONDS;
beforeAll(() => {
  process.env.CHECKPOINT_INTERVAL_SECONDS = "1";
});
afterAll(() => {
  if (previousInterval === undefined) delete process.env.CHECKPOINT_INTERVAL_SECONDS;
  else process.env.CHECKPOINT_INTERVAL_SECONDS = previousInterval;
});

describe("version history", () => {
  const harness = useTestServer();
  const roomText = (documentId: string) => harness.server.collab.rooms.get(documentId)?.doc.getXmlFragment("default").toString() ?? "";

  it("names a version and takes one on every transition, newest first, with who edited since the previous one", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst", "Version Analyst"), createTestUser("editor")]);
    const document = await createTestDocument(analyst!, [{ id: editor!.id, role: "editor" }]);
    const writer = harness.connect(document.id, await sessionCookie(analyst!));
    await writer.waitSynced();
    writer.appendParagraph("The draft as sent to legal.");
    await waitFor(() => roomText(document.id).includes("sent to legal"));

    // Named before the write-behind window closed: the version holds the live text.
    const named = await nameCurrentVersion(analyst!, document.id, "Sent to legal");
    expect(named).toMatchObject({ number: 1, kind: "named", name: "Sent to legal", createdBy: { id: analyst!.id } });
    expect(named.editors.map((person) => person.name)).toEqual(["Version Analyst"]);
    expect((await getVersionOrThrow(editor!, document.id, 1)).html).toContain("The draft as sent to legal.");

    await transitionDocument(analyst!, document.id, { action: "submit" });
    await transitionDocument(editor!, document.id, { action: "approve" });
    const versions = await listVersions(editor!, document.id);
    expect(versions.map((version) => [version.number, version.kind, version.name])).toEqual([
      [3, "transition", "Approved"],
      [2, "transition", "Submitted for review"],
      [1, "named", "Sent to legal"],
    ]);
    // The approved version is exactly the approved content.
    const approval = await getPrisma().approval.findFirstOrThrow({ where: { documentId: document.id } });
    expect(versions[0]!.contentHash).toBe(approval.contentHash);
  });

  it("lists who edited since the previous version in the order they first wrote", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst", "Order Analyst"), createTestUser("editor", "Order Editor")]);
    const document = await createTestDocument(analyst!, [{ id: editor!.id, role: "editor" }]);
    const first = harness.connect(document.id, await sessionCookie(editor!));
    await first.waitSynced();
    first.appendParagraph("The editor's opening line.");
    await waitFor(() => roomText(document.id).includes("opening line"));
    await harness.server.collab.rooms.get(document.id)!.store("request");
    const second = harness.connect(document.id, await sessionCookie(analyst!));
    await second.waitSynced();
    second.appendParagraph("The analyst's reply.");
    await waitFor(() => roomText(document.id).includes("reply"));
    first.appendParagraph("The editor again.");
    await waitFor(() => roomText(document.id).includes("again"));

    const named = await nameCurrentVersion(analyst!, document.id, "Both hands");
    expect(named.editors.map((person) => person.name)).toEqual(["Order Editor", "Order Analyst"]);
  });

  it("takes checkpoints while people write and when the last one leaves (SYNC.md H2)", async () => {
    const analyst = await createTestUser("analyst");
    const document = await createTestDocument(analyst!);
    const writer = harness.connect(document.id, await sessionCookie(analyst!));
    await writer.waitSynced();
    writer.appendParagraph("First minute of writing.");
    await waitFor(() => roomText(document.id).includes("First minute"));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    writer.appendParagraph("Still writing after the interval.");
    await waitFor(async () => (await getPrisma().documentVersion.count({ where: { documentId: document.id } })) === 1, { message: "an activity checkpoint" });

    writer.appendParagraph("Last words before leaving.");
    await waitFor(() => roomText(document.id).includes("Last words"));
    writer.provider.disconnect();
    await waitFor(async () => (await getPrisma().documentVersion.count({ where: { documentId: document.id } })) === 2, { message: "the checkpoint on leaving" });
    const [latest] = await listVersions(analyst!, document.id);
    expect(latest!.kind).toBe("checkpoint");
    expect((await getVersionOrThrow(analyst!, document.id, latest!.number)).html).toContain("Last words before leaving.");
  });

  it("restores a version as a new edit that connected editors receive; earlier versions stay as they were (SYNC.md H1)", async () => {
    const [analyst, colleague] = await Promise.all([createTestUser("analyst", "Restoring Analyst"), createTestUser("analyst")]);
    const document = await createTestDocument(analyst!, [{ id: colleague!.id, role: "editor" }]);
    const writer = harness.connect(document.id, await sessionCookie(analyst!));
    const reader = harness.connect(document.id, await sessionCookie(colleague!));
    await Promise.all([writer.waitSynced(), reader.waitSynced()]);
    writer.appendParagraph("Talks resumed in Istanbul after three years.");
    await waitFor(() => reader.text().includes("three years"));
    const original = await nameCurrentVersion(analyst!, document.id, "Before the rewrite");

    writer.insertText(0, 0, "Unverified: ");
    // Deleting "three " means the restore has text to insert, not only to delete.
    const firstText = (writer.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    firstText.delete(firstText.toString().indexOf("three "), "three ".length);
    writer.appendParagraph("A paragraph that should not survive.");
    await waitFor(() => reader.text().includes("should not survive") && !reader.text().includes("three"));

    const restored = await restoreVersion(analyst!, document.id, original.number);
    expect(restored).toMatchObject({ kind: "restore", name: `Restored version ${original.number}`, createdBy: { id: analyst!.id } });
    await waitFor(() => reader.text() === "Talks resumed in Istanbul after three years." && writer.text() === reader.text(), {
      message: "both editors to receive the restored text",
    });
    // Stored under the person who restored, and recorded in the audit log.
    const lastRow = await getPrisma().documentUpdate.findFirstOrThrow({ where: { documentId: document.id }, orderBy: { id: "desc" } });
    expect(lastRow.authorId).toBe(analyst!.id);
    const audit = await listDocumentAudit(analyst!, document.id);
    expect(audit[0]).toMatchObject({ action: "version_restored", details: { version: original.number, newVersion: restored.number } });
    // History is never rewritten: the replaced text was kept as a version first,
    // the version restored from is unchanged, and the restore is a version of its own.
    const kept = (await listVersions(analyst!, document.id)).find((version) => version.name === `Before restoring version ${original.number}`);
    expect((await getVersionOrThrow(analyst!, document.id, kept!.number)).html).toContain("A paragraph that should not survive.");
    expect((await getVersionOrThrow(analyst!, document.id, original.number)).contentHash).toBe(original.contentHash);
    expect(restored.contentHash).toBe(original.contentHash);

    // A second person's restore in the same room session is theirs (SYNC.md H3).
    await restoreVersion(colleague!, document.id, kept!.number);
    await waitFor(() => writer.text().includes("should not survive"), { message: "the second restore to arrive" });
    const blocks = await listBlockAuthorship(analyst!, document.id);
    const restoredParagraph = blocks.find((block) => block.html.includes("should not survive"));
    expect(restoredParagraph!.authors.map((author) => author.id)).toEqual([colleague!.id]);
  });

  it("compares two versions word by word, crediting insertions to who typed them (SYNC.md H3)", async () => {
    const [analyst, colleague] = await Promise.all([createTestUser("analyst", "First Writer"), createTestUser("analyst", "Second Writer")]);
    const document = await createTestDocument(analyst!, [{ id: colleague!.id, role: "editor" }]);
    const first = harness.connect(document.id, await sessionCookie(analyst!));
    await first.waitSynced();
    first.appendParagraph("Ankara hosted the delegations for one day.");
    await waitFor(() => roomText(document.id).includes("one day"));
    const before = await nameCurrentVersion(analyst!, document.id, "Before");

    const second = harness.connect(document.id, await sessionCookie(colleague!));
    await second.waitSynced();
    const paragraph = second.doc.getXmlFragment("default").get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    second.doc.transact(() => {
      text.delete(0, "Ankara".length);
      text.insert(0, "Istanbul");
    });
    await waitFor(() => roomText(document.id).includes("Istanbul"));

    const comparison = await compareVersions(analyst!, document.id, before.number, "current");
    expect(comparison.html).toContain('<del class="diff-delete">Ankara</del>');
    expect(comparison.html).toContain('<ins class="diff-insert" data-author-name="Second Writer">Istanbul</ins>');
    expect(comparison.html).toContain(" hosted the delegations for one day.");
    expect(comparison).toMatchObject({ insertions: 1, deletions: 1 });
    expect((await compareVersions(analyst!, document.id, before.number, before.number)).html).not.toContain("diff-");
  });

  it("shows who wrote which paragraph (SYNC.md H3)", async () => {
    const [analyst, colleague] = await Promise.all([createTestUser("analyst", "Paragraph One"), createTestUser("analyst", "Paragraph Two")]);
    const document = await createTestDocument(analyst!, [{ id: colleague!.id, role: "editor" }]);
    const first = harness.connect(document.id, await sessionCookie(analyst!));
    const second = harness.connect(document.id, await sessionCookie(colleague!));
    await Promise.all([first.waitSynced(), second.waitSynced()]);
    first.appendParagraph("Written by the first analyst.");
    await waitFor(() => second.text().includes("first analyst"));
    second.appendParagraph("Written by the second analyst.");
    await waitFor(() => roomText(document.id).includes("second analyst"));

    const blocks = await listBlockAuthorship(analyst!, document.id);
    expect(blocks.map((block) => [block.html, block.authors.map((author) => author.name)])).toEqual([
      ["<p>Written by the first analyst.</p>", ["Paragraph One"]],
      ["<p>Written by the second analyst.</p>", ["Paragraph Two"]],
    ]);
    expect(blocks[0]!.authors[0]!.share).toBe(1);
  });

  it("enforces who may name and restore, and hides other people's documents", async () => {
    const [owner, commenter, suggester, outsider] = await Promise.all([
      createTestUser("analyst"),
      createTestUser("analyst"),
      createTestUser("analyst"),
      createTestUser("analyst"),
    ]);
    const document = await createTestDocument(owner!, [
      { id: commenter!.id, role: "commenter" },
      { id: suggester!.id, role: "suggester" },
    ]);
    const version = await nameCurrentVersion(owner!, document.id, "Empty start");
    expect(await errorCode(nameCurrentVersion(commenter!, document.id, "Mine"))).toBe("forbidden");
    expect(await errorCode(nameCurrentVersion(suggester!, document.id, "Suggested"))).toBe("ok");
    expect(await errorCode(restoreVersion(suggester!, document.id, version.number))).toBe("forbidden");
    expect(await errorCode(restoreVersion(owner!, document.id, 999))).toBe("not_found");
    expect(await errorCode(listVersions(outsider!, document.id))).toBe("not_found");
    expect(await errorCode(compareVersions(outsider!, document.id, 1, "current"))).toBe("not_found");
    expect(await errorCode(listBlockAuthorship(outsider!, document.id))).toBe("not_found");
  });
});
