// Email notifications against a real SMTP server started by the test: who gets
// what (mentions, assignments, submit, request changes, publish, unpublish),
// batching (one email per person per window), retries that survive a worker
// restart, the opt-out, and nothing queued without SMTP_URL.
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatMention } from "../../lib/review/mentions";
import { getPrisma } from "../../server/db/prisma";
import { updateDocument } from "../../server/documents/documents";
import type { EmailSettings } from "../../server/email/emailSettings";
import { startEmailWorker, type EmailWorker } from "../../server/email/emailWorker";
import { createThread, replyToThread, updateThread } from "../../server/review/threads";
import { setEmailPreference } from "../../server/users/emailPreference";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from "../support/smtpCapture";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const BASE_URL = "https://news.example.org";

describe("email notifications", () => {
  const harness = useTestServer();
  let smtp: SmtpCapture;
  let worker: EmailWorker | undefined;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    process.env.SMTP_URL = smtp.url;
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    smtp.refusing = false;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
  });

  const settings = (overrides: Partial<EmailSettings> = {}): EmailSettings => ({
    smtpUrl: smtp.url,
    from: '"Test Newsroom" <no-reply@news.example.org>',
    delayMs: 100,
    batchMs: 0,
    retryMaxMs: 200,
    ...overrides,
  });
  const start = (overrides: Partial<EmailSettings> = {}) =>
    (worker = startEmailWorker({ settings: settings(overrides), baseUrl: BASE_URL, newsroomName: "Test Newsroom", pollMs: 50, log: () => {} }));
  const mailTo = (address: string) => smtp.messages.filter((message) => message.recipients.includes(address));
  const waitForMail = async (address: string, count = 1): Promise<CapturedEmail[]> => {
    await waitFor(() => mailTo(address).length >= count, { timeout: 10_000, message: `${count} email(s) to ${address}` });
    return mailTo(address);
  };

  async function documentWithText(owner: { id: string; name: string; email: string }, members: { id: string; role: "editor" | "commenter" }[] = []) {
    const document = await createTestDocument(owner, members);
    const writer = harness.connect(document.id, await sessionCookie(owner));
    await writer.waitSynced();
    writer.appendParagraph("The meeting lasted under two hours.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 1);
    const anchor = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(writer.doc.getXmlFragment("default"), 0))).toString("base64");
    return { document, anchor: { start: anchor, end: anchor } };
  }

  it("a mention and an assignment email the person, with a link that opens the thread", async () => {
    const [author, mentioned, assignee] = await Promise.all([createTestUser("analyst", "Ayşe Demir"), createTestUser("analyst", "Daniel Okafor"), createTestUser("analyst", "Lena Berg")]);
    const { document, anchor } = await documentWithText(author, [
      { id: mentioned.id, role: "commenter" },
      { id: assignee.id, role: "commenter" },
    ]);
    start();
    const thread = await createThread(author, document.id, { anchor, quote: "The meeting", body: `${formatMention(mentioned)} can you source this?` });
    await updateThread(author, document.id, thread.id, { assigneeId: assignee.id });

    const [mention] = await waitForMail(mentioned.email);
    expect(mention!.subject).toBe(`Ayşe Demir mentioned you on “${document.title}”`);
    expect(mention!.recipients).toEqual([mentioned.email]);
    expect(mention!.from).toBe("no-reply@news.example.org");
    expect(mention!.text).toContain("@Daniel Okafor can you source this?");
    expect(mention!.text).toContain(`${BASE_URL}/documents/${document.id}#thread-${thread.id}`);
    expect(mention!.html).toContain(`href="${BASE_URL}/documents/${document.id}#thread-${thread.id}"`);

    const [assignment] = await waitForMail(assignee.email);
    expect(assignment!.subject).toBe(`Ayşe Demir assigned you a thread on “${document.title}”`);
    expect(assignment!.text).toContain(`#thread-${thread.id}`);
    // Nobody is told about their own action.
    expect(mailTo(author.email)).toEqual([]);
  });

  it("submit tells newsroom editors, request changes the author, publish and unpublish the byline and the piece's editors", async () => {
    const [author, editor, coEditor, otherAnalyst] = await Promise.all([
      createTestUser("analyst", "Ayşe Author"),
      createTestUser("editor", "Maria Keller"),
      createTestUser("analyst", "Daniel Coeditor"),
      createTestUser("analyst", "Not Involved"),
    ]);
    const { document } = await documentWithText(author, [
      { id: editor.id, role: "editor" },
      { id: coEditor.id, role: "editor" },
    ]);
    start();

    await transitionDocument(author, document.id, { action: "submit" });
    const [submitted] = await waitForMail(editor.email);
    expect(submitted!.subject).toBe(`Ayşe Author submitted “${document.title}” for review`);
    expect(submitted!.text).toContain(`${BASE_URL}/documents/${document.id}`);

    await transitionDocument(editor, document.id, { action: "request_changes", note: "Source the second paragraph" });
    const [changes] = await waitForMail(author.email);
    expect(changes!.subject).toBe(`Maria Keller requested changes to “${document.title}”`);
    expect(changes!.text).toContain("Note: Source the second paragraph");

    await transitionDocument(author, document.id, { action: "submit" });
    await waitForMail(editor.email, 2);
    // Metadata first: an approval covers headline, slug and byline too.
    await updateDocument(editor, document.id, { headline: "Istanbul talks", slug: `istanbul-${document.id.slice(0, 8)}`, bylineId: author.id });
    await transitionDocument(editor, document.id, { action: "approve" });
    await transitionDocument(editor, document.id, { action: "publish" });
    const published = await waitForMail(author.email, 2);
    expect(published[1]!.subject).toBe(`Maria Keller published “${document.title}”`);
    expect(published[1]!.text).toContain("Version 1");
    expect((await waitForMail(coEditor.email))[0]!.subject).toBe(`Maria Keller published “${document.title}”`);

    await transitionDocument(editor, document.id, { action: "unpublish", note: "Legal asked us to" });
    const unpublished = await waitForMail(coEditor.email, 2);
    expect(unpublished[1]!.subject).toBe(`Maria Keller unpublished “${document.title}”`);
    expect(unpublished[1]!.text).toContain("Legal asked us to");
    expect(mailTo(otherAnalyst.email)).toEqual([]);
    // The actor is never emailed about their own transitions.
    expect(mailTo(editor.email).map((message) => message.subject)).toEqual([
      `Ayşe Author submitted “${document.title}” for review`,
      `Ayşe Author submitted “${document.title}” for review`,
    ]);
  });

  it("a busy thread sends one email per person per window", async () => {
    const [author, reader] = await Promise.all([createTestUser("analyst", "Busy Author"), createTestUser("analyst", "Busy Reader")]);
    const { document, anchor } = await documentWithText(author, [{ id: reader.id, role: "commenter" }]);
    start({ delayMs: 300, batchMs: 2000 });
    const thread = await createThread(author, document.id, { anchor, quote: "The meeting", body: `${formatMention(reader)} first` });
    await replyToThread(author, document.id, thread.id, `${formatMention(reader)} second`);
    await replyToThread(author, document.id, thread.id, `${formatMention(reader)} third`);

    const [digest] = await waitForMail(reader.email);
    expect(digest!.subject).toBe(`3 updates on “${document.title}”`);
    expect(digest!.text).toMatch(/first[\s\S]*second[\s\S]*third/);

    // Within the window the next mention waits; it goes out once the window has passed.
    const sentAt = Date.now();
    await replyToThread(author, document.id, thread.id, `${formatMention(reader)} fourth`);
    const [, later] = await waitForMail(reader.email, 2);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1500);
    expect(later!.subject).toBe(`Busy Author mentioned you on “${document.title}”`);
    expect(later!.text).toContain("fourth");
  });

  it("a refused email is retried, and the queue survives a worker restart", async () => {
    const [author, reader] = await Promise.all([createTestUser("analyst", "Retry Author"), createTestUser("analyst", "Retry Reader")]);
    const { document, anchor } = await documentWithText(author, [{ id: reader.id, role: "commenter" }]);
    smtp.refusing = true;
    start({ retryMaxMs: 60_000 });
    await createThread(author, document.id, { anchor, quote: "The meeting", body: `${formatMention(reader)} please check` });
    const queued = () => getPrisma().emailNotification.findFirstOrThrow({ where: { recipientId: reader.id } });
    await waitFor(async () => (await queued()).attempts === 1, { message: "a failed attempt" });
    const failed = await queued();
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/451|try again/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // "Restart": a new worker finds the row in PostgreSQL and sends it once it is due.
    await worker!.stop();
    smtp.refusing = false;
    await getPrisma().emailNotification.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
    start();
    const [email] = await waitForMail(reader.email);
    expect(email!.subject).toBe(`Retry Author mentioned you on “${document.title}”`);
    // The worker marks the row once the SMTP server has answered, a moment after the message arrived there.
    await waitFor(async () => (await queued()).sentAt !== null, { message: "the row to be marked sent" });
  });

  it("opting out stops emails, including those already queued; without SMTP_URL nothing is queued", async () => {
    const [author, reader] = await Promise.all([createTestUser("analyst", "Opt Author"), createTestUser("analyst", "Opt Reader")]);
    const { document, anchor } = await documentWithText(author, [{ id: reader.id, role: "commenter" }]);
    const thread = await createThread(author, document.id, { anchor, quote: "The meeting", body: `${formatMention(reader)} queued before opting out` });
    await setEmailPreference(reader.id, false);
    await replyToThread(author, document.id, thread.id, `${formatMention(reader)} after opting out`);
    start();
    await waitFor(async () => (await getPrisma().emailNotification.count({ where: { recipientId: reader.id, abandonedAt: null } })) === 0);
    expect(await getPrisma().emailNotification.count({ where: { recipientId: reader.id } })).toBe(1);

    await setEmailPreference(reader.id, true);
    delete process.env.SMTP_URL;
    try {
      await replyToThread(author, document.id, thread.id, `${formatMention(reader)} no SMTP`);
      expect(await getPrisma().emailNotification.count({ where: { recipientId: reader.id } })).toBe(1);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    // The in-app notifications are there all along.
    expect(await getPrisma().notification.count({ where: { userId: reader.id } })).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailTo(reader.email)).toEqual([]);
  });

  it("stop() of a running worker returns at once (the server's shutdown awaits it)", async () => {
    const stopped = startEmailWorker({ settings: settings(), baseUrl: BASE_URL, newsroomName: "Test Newsroom", pollMs: 50, log: () => {} });
    const startedAt = Date.now();
    await stopped.stop();
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});
