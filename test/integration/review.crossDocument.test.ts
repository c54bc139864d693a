// Issue 10, hole 1: every id nested in a path belongs to the document in the
// path. A comment of document B reached through document A is "not found",
// unchanged, and nothing of B's thread comes back. Also: a mention is shown
// by the mentioned person's id, never by the name typed into the body.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { formatMention } from "../../lib/review/mentions";
import { getPrisma } from "../../server/db/prisma";
import { removeMember } from "../../server/documents/members";
import { AppError } from "../../server/errors";
import { createThread, deleteComment, editComment, listThreads } from "../../server/review/threads";
import { createTestDocument, createTestUser, useTestDatabase } from "../support/testServer";

const errorCode = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

function anyAnchor() {
  const start = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment("default"), 0))).toString("base64");
  return { start, end: start };
}

describe("nested ids belong to the document in the path", () => {
  useTestDatabase();

  it("refuses to edit or delete a comment of another document through a document one can open", async () => {
    const [owner, ayse] = await Promise.all([createTestUser("analyst", "Owner"), createTestUser("analyst", "Ayse")]);
    const documentA = await createTestDocument(ayse);
    const documentB = await createTestDocument(owner, [{ id: ayse.id, role: "commenter" }]);
    const threadB = await createThread(ayse, documentB.id, { anchor: anyAnchor(), quote: "x", body: "My old comment" });
    const commentB = threadB.comments[0]!;
    await removeMember(owner, documentB.id, ayse.id);

    expect(await errorCode(editComment(ayse, documentA.id, threadB.id, commentB.id, "Rewritten after removal"))).toBe("not_found");
    expect(await errorCode(deleteComment(ayse, documentA.id, threadB.id, commentB.id))).toBe("not_found");
    // And through B itself, the removed member is not even told the document exists.
    expect(await errorCode(editComment(ayse, documentB.id, threadB.id, commentB.id, "Rewritten after removal"))).toBe("not_found");

    const stored = await getPrisma().comment.findUniqueOrThrow({ where: { id: commentB.id } });
    expect(stored.body).toBe("My old comment");
    expect((await listThreads(owner, documentB.id)).map((thread) => thread.id)).toEqual([threadB.id]);
  });

  it("presents each mention with the mentioned person's own name, whatever the body says", async () => {
    const [author, maria] = await Promise.all([createTestUser("analyst", "Author"), createTestUser("editor", "Maria Keller")]);
    const document = await createTestDocument(author);
    const forged = formatMention({ id: maria.id, name: "Editor-in-chief" });
    const thread = await createThread(author, document.id, { anchor: anyAnchor(), quote: "x", body: `Approved by ${forged}` });
    expect(thread.comments[0]!.mentions).toEqual([expect.objectContaining({ id: maria.id, name: "Maria Keller" })]);
  });
});
