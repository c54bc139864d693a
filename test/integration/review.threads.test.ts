// Comment threads: authorship from the session, live push over the document's
// socket, anchors that follow concurrent edits, detached threads kept.
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { DOCUMENT_EVENT_MESSAGE, type DocumentEvent } from "../../lib/review/reviewTypes";
import { getPrisma } from "../../server/db/prisma";
import { AppError } from "../../server/errors";
import { listNotifications } from "../../server/review/notifications";
import { listDocumentAudit } from "../../server/workflow/audit";
import { createThread, deleteComment, editComment, listThreads, replyToThread, updateThread } from "../../server/review/threads";
import { formatMention } from "../../lib/review/mentions";
import type { CollabClient } from "../support/collabClient";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

function collectEvents(client: CollabClient): DocumentEvent[] {
  const events: DocumentEvent[] = [];
  client.provider.messageHandlers[DOCUMENT_EVENT_MESSAGE] = (_encoder, decoder) => {
    events.push(JSON.parse(decoding.readVarString(decoder)) as DocumentEvent);
  };
  return events;
}

/** An anchor over text offsets [from, to) of the first paragraph, as a browser would encode it. */
function anchorOver(doc: Y.Doc, from: number, to: number) {
  const text = (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const encode = (index: number, assoc: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString("base64");
  return { start: encode(from, 0), end: encode(to, -1) };
}

function resolveOffsets(doc: Y.Doc, anchor: { start: string; end: string }) {
  const resolve = (encoded: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(new Uint8Array(Buffer.from(encoded, "base64"))), doc)!.index;
  return { from: resolve(anchor.start), to: resolve(anchor.end) };
}

describe("comment threads", () => {
  const harness = useTestServer();

  it("creates, replies and resolves with authorship from the actor, pushed live to everyone in the document", async () => {
    const [ayse, daniel, maria] = await Promise.all([createTestUser("analyst", "Ayse"), createTestUser("analyst", "Daniel"), createTestUser("editor", "Maria")]);
    const document = await createTestDocument(ayse!, [{ id: daniel!.id, role: "editor" }]);
    const writer = harness.connect(document.id, await sessionCookie(ayse!));
    const watcher = harness.connect(document.id, await sessionCookie(daniel!));
    const events = collectEvents(watcher);
    await Promise.all([writer.waitSynced(), watcher.waitSynced()]);
    writer.appendParagraph("Türkiye hosted the talks at Dolmabahçe.");
    await waitFor(() => watcher.text().includes("Dolmabahçe"));

    const thread = await createThread(ayse!, document.id, { anchor: anchorOver(writer.doc, 0, 7), quote: "Türkiye", body: "Source for this?" });
    expect(thread.author.id).toBe(ayse!.id);
    expect(thread.comments[0]!.author.id).toBe(ayse!.id);
    await waitFor(() => events.some((event) => event.type === "thread" && event.thread.id === thread.id), { message: "the live thread event" });

    const reply = await replyToThread(daniel!, document.id, thread.id, `Checking with ${formatMention(maria!)}`);
    expect(reply.comments.map((comment) => comment.author.id)).toEqual([ayse!.id, daniel!.id]);
    expect(reply.mentionedUserIds).toEqual([maria!.id]);
    const forMaria = await listNotifications(maria!);
    expect(forMaria).toMatchObject([{ kind: "mention", threadId: thread.id, actor: { id: daniel!.id } }]);

    const resolved = await updateThread(maria!, document.id, thread.id, { status: "resolved" });
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: { id: maria!.id } });
    await waitFor(() => events.some((event) => event.type === "thread" && event.thread.status === "resolved"));
    expect((await listThreads(daniel!, document.id)).map((t) => t.status)).toEqual(["resolved"]);
    const audit = await listDocumentAudit(maria!, document.id);
    expect(audit[0]).toMatchObject({ action: "thread_resolved", actor: { id: maria!.id }, details: { threadId: thread.id } });
  });

  it("enforces who may do what", async () => {
    const [owner, commenter, viewer, outsider] = await Promise.all([createTestUser(), createTestUser(), createTestUser("viewer"), createTestUser()]);
    const document = await createTestDocument(owner!, [
      { id: commenter!.id, role: "commenter" },
      { id: viewer!.id, role: "viewer" },
    ]);
    const anchor = { start: Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment("default"), 0))).toString("base64"), end: "" };
    anchor.end = anchor.start;
    const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof AppError ? error.code : String(error)));

    expect(await code(createThread(outsider!, document.id, { anchor, quote: "x", body: "hi" }))).toBe("not_found");
    expect(await code(createThread(viewer!, document.id, { anchor, quote: "x", body: "hi" }))).toBe("forbidden");
    const thread = await createThread(commenter!, document.id, { anchor, quote: "x", body: "hi" });
    expect(await code(replyToThread(viewer!, document.id, thread.id, "me too"))).toBe("forbidden");
    expect(await code(editComment(owner!, document.id, thread.id, thread.comments[0]!.id, "rewritten"))).toBe("forbidden");
    expect(await code(deleteComment(owner!, document.id, thread.id, thread.comments[0]!.id))).toBe("forbidden");
    // Its author may resolve it; so may a document editor; a viewer may not.
    expect(await code(updateThread(viewer!, document.id, thread.id, { status: "resolved" }))).toBe("forbidden");
    expect(await code(updateThread(commenter!, document.id, thread.id, { status: "resolved" }))).toBe("ok");
    expect(await code(updateThread(owner!, document.id, thread.id, { status: "open" }))).toBe("ok");
    // Mentioning someone without access is refused, and nothing is stored.
    expect(await code(replyToThread(commenter!, document.id, thread.id, `ping ${formatMention(outsider!)}`))).toBe("unprocessable");
    expect(await getPrisma().comment.count({ where: { threadId: thread.id } })).toBe(1);
    expect(await code(createThread(commenter!, document.id, { anchor: { start: "////", end: "////" }, quote: "x", body: "bad anchor" }))).toBe("unprocessable");
  });

  it("anchors follow concurrent inserts before and inside the range; a deleted range leaves a detached thread with its quote", async () => {
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const document = await createTestDocument(a!, [{ id: b!.id, role: "editor" }]);
    const first = harness.connect(document.id, await sessionCookie(a!));
    const second = harness.connect(document.id, await sessionCookie(b!));
    await Promise.all([first.waitSynced(), second.waitSynced()]);
    first.appendParagraph("The talks lasted under two hours.");
    await waitFor(() => second.text() === "The talks lasted under two hours.");

    const quote = "lasted under two hours";
    const offset = "The talks ".length;
    const thread = await createThread(a!, document.id, { anchor: anchorOver(first.doc, offset, offset + quote.length), quote, body: "Confirm the duration." });

    // Concurrently: b inserts before the range, a inserts inside it.
    second.insertText(0, 0, "In Istanbul, ");
    first.insertText(0, offset + "lasted ".length, "just ");
    await waitFor(() => first.text() === second.text() && first.text().includes("In Istanbul") && first.text().includes("just"));
    for (const client of [first, second]) {
      const { from, to } = resolveOffsets(client.doc, thread.anchor);
      const paragraph = client.text();
      expect(paragraph.slice(from, to)).toBe("lasted just under two hours");
    }

    // Delete the whole anchored range: the thread stays, with its quote.
    const text = ((first.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText);
    const start = first.text().indexOf("lasted");
    text.delete(start, "lasted just under two hours".length);
    await waitFor(() => second.text() === first.text());
    const { from, to } = resolveOffsets(second.doc, thread.anchor);
    expect(to).toBeLessThanOrEqual(from);
    const [kept] = await listThreads(b!, document.id);
    expect(kept).toMatchObject({ id: thread.id, quote, status: "open" });
  });
});
