// Publishing: the gate, immutable rendered publications, corrections,
// scheduled publishing, unpublish → 410.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { getPrisma } from "../../server/db/prisma";
import { getDocumentOrThrow, updateDocument } from "../../server/documents/documents";
import { AppError } from "../../server/errors";
import { articleResponse } from "../../server/publishing/articleResponse";
import { buildJsonFeed } from "../../server/publishing/feed";
import { renderFrontPage } from "../../server/publishing/frontPage";
import { listLivePublications } from "../../server/publishing/livePublications";
import { buildRssFeed } from "../../server/publishing/rssFeed";
import { findPublicState } from "../../server/publishing/findPublicState";
import { listDocumentAudit } from "../../server/workflow/audit";
import { createThread, updateThread } from "../../server/review/threads";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok", message: "", details: undefined as unknown }),
    (error: unknown) =>
      error instanceof AppError ? { code: error.code, message: error.message, details: error.details } : { code: String(error), message: String(error), details: undefined },
  );
const page = async (path: string) => {
  const [, , slug, , version] = path.split("/");
  const response = await articleResponse(new Request(`http://localhost${path}`), slug!, version ? Number(version) : undefined);
  return { status: response.status, html: await response.text() };
};

const renderedFrontPage = async () => renderFrontPage(await listLivePublications({ limit: 500 }));

describe("publishing", () => {
  const harness = useTestServer();

  it("gates, publishes immutable versions with corrections, schedules, and unpublishes", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst", "Ayse Analyst"), createTestUser("editor", "Maria Editor")]);
    const document = await createTestDocument(analyst!, [{ id: editor!.id, role: "editor" }]);
    const writer = harness.connect(document.id, await sessionCookie(analyst!));
    await writer.waitSynced();
    writer.appendParagraph("Talks in Istanbul lasted under two hours.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 1);
    const slug = `istanbul-${document.id.slice(0, 8)}`;

    await transitionDocument(analyst!, document.id, { action: "submit" });
    await transitionDocument(editor!, document.id, { action: "approve" });
    const anchor = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(writer.doc.getXmlFragment("default"), 0))).toString("base64");
    const thread = await createThread(editor!, document.id, { anchor: { start: anchor, end: anchor }, quote: "Talks", body: "Check" });

    const blocked = await failure(transitionDocument(editor!, document.id, { action: "publish" }));
    expect(blocked.code).toBe("conflict");
    expect((blocked.details as { blockers: string[] }).blockers).toEqual(["1 open comment thread", "Headline not set", "Slug not set", "Byline not set"]);
    expect((await page(`/p/${slug}`)).status).toBe(404);

    await updateThread(editor!, document.id, thread.id, { status: "resolved" });
    await updateDocument(editor!, document.id, { headline: "Istanbul <talks>", dek: "A restart", slug, bylineId: analyst!.id });
    // The approval covers headline, dek, byline and slug too: set after it, they need approving again.
    expect((await failure(transitionDocument(editor!, document.id, { action: "publish" }))).code).toBe("conflict");
    await transitionDocument(editor!, document.id, { action: "approve" });
    await transitionDocument(editor!, document.id, { action: "publish" });
    const first = await page(`/p/${slug}`);
    expect(first.status).toBe(200);
    expect(first.html).toContain("<p>Talks in Istanbul lasted under two hours.</p>");
    expect(first.html).toContain("<title>Istanbul &lt;talks&gt; · Newsroom</title>");
    expect(first.html).toContain('"@type":"NewsArticle"');
    expect(first.html).toContain('property="og:title"');
    expect(first.html).toContain("By Ayse Analyst");

    // Later edits do not touch the publication.
    writer.appendParagraph("A later edit.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment("default").length === 2);
    expect((await page(`/p/${slug}`)).html).not.toContain("A later edit.");

    // Republishing needs re-approval and a correction note.
    expect((await failure(transitionDocument(editor!, document.id, { action: "publish" }))).code).toBe("conflict");
    await transitionDocument(editor!, document.id, { action: "approve" });
    expect((await failure(transitionDocument(editor!, document.id, { action: "publish" }))).code).toBe("unprocessable");
    await transitionDocument(editor!, document.id, { action: "publish", note: "Added a line on what followed." });
    const second = await page(`/p/${slug}`);
    expect(second.html).toContain("A later edit.");
    expect(second.html).toContain("Added a line on what followed.");
    expect(second.html).toContain("Corrections and updates");
    const older = await page(`/p/${slug}/v/1`);
    expect(older.status).toBe(200);
    expect(older.html).not.toContain("A later edit.");
    expect(await getPrisma().publication.count({ where: { documentId: document.id } })).toBe(2);

    const feedItem = async () => (await buildJsonFeed("https://news.example")).items.find((item) => item.url === `https://news.example/p/${slug}`);
    expect(await feedItem()).toMatchObject({ title: "Istanbul <talks>", summary: "A restart" });
    expect((await feedItem())!.content_html).toContain("A later edit.");
    const rss = await buildRssFeed("https://news.example");
    expect(rss).toContain(`<link>https://news.example/p/${slug}</link>`);
    expect(rss).toContain("<title>Istanbul &lt;talks&gt;</title>");
    expect(rss).toContain("<dc:creator>Ayse Analyst</dc:creator>");
    expect(rss).toContain("A later edit.");
    const front = await renderedFrontPage();
    expect(front).toContain(`<a href="/p/${slug}">Istanbul &lt;talks&gt;</a>`);
    expect(front).toContain("By Ayse Analyst");

    expect(await findPublicState(document.id)).toMatchObject({ kind: "live", version: 2, url: `/p/${slug}` });

    // Caches keep the page but revalidate it each time: 304 while it is current.
    const live = await articleResponse(new Request(`http://localhost/p/${slug}`), slug);
    expect(live.headers.get("cache-control")).toBe("public, no-cache");
    const etag = live.headers.get("etag")!;
    const revalidated = await articleResponse(new Request(`http://localhost/p/${slug}`, { headers: { "if-none-match": etag } }), slug);
    expect(revalidated.status).toBe(304);

    // Unpublish needs a reason, kept in the audit log and shown to editors: 410, every version, and gone from the feed.
    const noReason = await failure(transitionDocument(editor!, document.id, { action: "unpublish" }));
    expect(noReason).toMatchObject({ code: "unprocessable", message: "Unpublishing needs a reason (kept in the audit log)" });
    expect((await page(`/p/${slug}`)).status).toBe(200);
    await transitionDocument(editor!, document.id, { action: "unpublish", note: "Legal hold on the prisoner names", readerNote: "Withdrawn pending a legal review." });
    // The same revalidation now gets the takedown, which no cache may keep.
    const gone = await articleResponse(new Request(`http://localhost/p/${slug}`, { headers: { "if-none-match": etag } }), slug);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("cache-control")).toBe("no-store");
    const withdrawn = await gone.text();
    expect(withdrawn).toContain("This story was withdrawn");
    // Readers get the note meant for them, never the editors' reason.
    expect(withdrawn).toContain("Withdrawn pending a legal review.");
    expect(withdrawn).not.toContain("prisoner names");
    expect((await listDocumentAudit(editor!, document.id))[0]).toMatchObject({ action: "unpublish", details: { note: "Legal hold on the prisoner names" } });
    expect(await findPublicState(document.id)).toMatchObject({ kind: "unpublished", by: editor!.name, reason: "Legal hold on the prisoner names" });
    expect((await page(`/p/${slug}/v/1`)).status).toBe(410);
    expect(await feedItem()).toBeUndefined();
    expect(await buildRssFeed("https://news.example")).not.toContain(`/p/${slug}<`);
    expect(await renderedFrontPage()).not.toContain(`/p/${slug}"`);

    // Scheduled: until its time the unpublish stays in force (410), then the new version is live.
    await transitionDocument(analyst!, document.id, { action: "submit" });
    await transitionDocument(editor!, document.id, { action: "approve" });
    const publishAt = new Date(Date.now() + 1500).toISOString();
    await transitionDocument(editor!, document.id, { action: "publish", note: "Back online", publishAt });
    expect((await page(`/p/${slug}`)).status).toBe(410);
    // Scheduled after an unpublish: nothing is live until then.
    expect(await findPublicState(document.id)).toMatchObject({ kind: "scheduled", version: 3, publishAt, live: null });
    await waitFor(async () => (await page(`/p/${slug}`)).status === 200, { timeout: 5000, message: "the scheduled version to go live" });
    expect((await page(`/p/${slug}`)).html).toContain("Back online");
    expect(await findPublicState(document.id)).toMatchObject({ kind: "live", version: 3 });
  });

  it("keeps a scheduled first publication at 404 until its time", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst", "A"), createTestUser("editor", "E")]);
    const document = await createTestDocument(analyst!, [{ id: editor!.id, role: "editor" }]);
    const slug = `embargo-${document.id.slice(0, 8)}`;
    await updateDocument(editor!, document.id, { headline: "Embargoed", slug, bylineId: analyst!.id });
    await transitionDocument(analyst!, document.id, { action: "submit" });
    await transitionDocument(editor!, document.id, { action: "approve" });
    await transitionDocument(editor!, document.id, { action: "publish", publishAt: new Date(Date.now() + 60_000).toISOString() });
    const notYet = await articleResponse(new Request(`http://localhost/p/${slug}`), slug);
    expect(notYet.status).toBe(404);
    expect(notYet.headers.get("cache-control")).toBe("no-store");
    expect(await findPublicState(document.id)).toMatchObject({ kind: "scheduled", version: 1, live: null });
  });

  it("fixes the slug once the piece has been published, even after unpublishing", async () => {
    const [analyst, editor] = await Promise.all([createTestUser("analyst", "A"), createTestUser("editor", "E")]);
    const document = await createTestDocument(analyst!, [{ id: editor!.id, role: "editor" }]);
    const slug = `fixed-${document.id.slice(0, 8)}`;
    const draft = await updateDocument(editor!, document.id, { headline: "Fixed", slug: `working-${document.id.slice(0, 8)}`, bylineId: analyst!.id });
    expect(draft.hasBeenPublished).toBe(false);
    // Until the first publication the slug may change.
    expect((await updateDocument(editor!, document.id, { slug })).metadata.slug).toBe(slug);
    await transitionDocument(analyst!, document.id, { action: "submit" });
    await transitionDocument(editor!, document.id, { action: "approve" });
    await transitionDocument(editor!, document.id, { action: "publish" });
    expect((await getDocumentOrThrow(analyst!, document.id)).hasBeenPublished).toBe(true);

    const refusal = (changes: { slug: string | null }) => updateDocument(editor!, document.id, changes).then(() => null, (error: unknown) => error);
    for (const attempt of [{ slug: `renamed-${document.id.slice(0, 8)}` }, { slug: null }]) {
      const error = await refusal(attempt);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "conflict", message: `The slug is fixed once the piece has been published: /p/${slug}` });
    }
    // The same slug, and every other field, still save.
    const saved = await updateDocument(editor!, document.id, { slug, headline: "Fixed, updated" });
    expect(saved.metadata).toMatchObject({ slug, headline: "Fixed, updated" });

    await transitionDocument(editor!, document.id, { action: "unpublish", note: "Withdrawn" });
    expect(await refusal({ slug: `renamed-${document.id.slice(0, 8)}` })).toMatchObject({ code: "conflict" });
    expect((await getPrisma().document.findUniqueOrThrow({ where: { id: document.id } })).slug).toBe(slug);
  });
});
