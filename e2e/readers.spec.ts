// Issue point 10, the reader's side: the newsroom's name and a way back on
// every public page, a public front page of the live pieces (newest first),
// /feed.xml beside /feed.json, styled 404 and 410 pages (the 410 with the
// editors' note for readers), and a same-day correction that shows its time
// without repeating "Updated".
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { createDocumentAs, openDocumentAs, workflowOf } from "./newDocument";

const NEWSROOM = "The Bosphorus Ledger"; // NEWSROOM_NAME in playwright.config.ts

const ok = async (response: Promise<APIResponse>) => {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBeLessThan(300);
};

async function publish(analyst: Page, editor: Page, documentId: string, fields: { headline: string; dek: string }, note?: string) {
  const users = (await (await editor.request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
  const byline = users.users.find((user) => user.name === ACCOUNTS.analyst1.name)!;
  const slug = fields.headline.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const transition = (page: Page, action: string, extra: Record<string, string> = {}) =>
    ok(page.request.post(`/api/documents/${documentId}/transitions`, { data: { action, ...extra } }));
  if (!note) {
    await ok(editor.request.patch(`/api/documents/${documentId}`, { data: { ...fields, slug, bylineId: byline.id } }));
    await transition(analyst, "submit");
  }
  await transition(editor, "approve");
  await transition(editor, "publish", note ? { note } : {});
  return slug;
}

async function expectMasthead(page: Page) {
  const home = page.getByRole("banner").getByRole("link", { name: NEWSROOM });
  await expect(home).toHaveAttribute("href", "/p");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "RSS feed" })).toHaveAttribute("href", "/feed.xml");
}

// Long walks through several pages on a machine shared with other test runs.
test.describe.configure({ timeout: 180_000 });

test("point 10: masthead and front page, RSS, a same-day correction with its time, styled 404 and 410 with the note for readers", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const { page: ayse, documentId: olderId } = await createDocumentAs(browser, "analyst1", `Older ${stamp}`, "Grain ships left Odesa at dawn.");
  const maria = await openDocumentAs(browser, "editor", olderId);
  const older = { headline: `Grain corridor ${stamp}`, dek: "Ships left Odesa at dawn" };
  const olderSlug = await publish(ayse, maria, olderId, older);
  const { page: ayse2, documentId: newerId } = await createDocumentAs(browser, "analyst1", `Newer ${stamp}`, "Talks resume in Geneva on Monday.");
  const newer = { headline: `Geneva talks ${stamp}`, dek: "Both delegations confirmed" };
  const newerSlug = await publish(ayse2, maria, newerId, newer);

  // The front page: newest first, headline, dek, byline and date; no JavaScript allowed, revalidated by caches.
  const reader = await (await browser.newContext()).newPage();
  const front = (await reader.goto("/p"))!;
  expect(front.status()).toBe(200);
  expect(front.headers()["content-security-policy"]).toContain("script-src 'none'");
  expect(front.headers()["cache-control"]).toBe("public, no-cache");
  await expectMasthead(reader);
  await expect(reader).toHaveTitle(NEWSROOM);
  const stories = reader.getByRole("listitem").filter({ hasText: stamp });
  await expect(stories).toHaveCount(2);
  await expect(stories.nth(0).getByRole("heading", { name: newer.headline })).toBeVisible();
  await expect(stories.nth(1).getByRole("heading", { name: older.headline })).toBeVisible();
  await expect(stories.nth(0)).toContainText(newer.dek);
  await expect(stories.nth(0)).toContainText(`By ${ACCOUNTS.analyst1.name} ·`);
  await expect(stories.nth(0).locator("time")).toHaveText(/\d{1,2} \w+ \d{4}/);

  // From the front page to the article and back through the masthead.
  await stories.nth(1).getByRole("link", { name: older.headline }).click();
  await expect(reader).toHaveURL(new RegExp(`/p/${olderSlug}$`));
  await expect(reader.getByRole("heading", { level: 1, name: older.headline })).toBeVisible();
  await expect(reader).toHaveTitle(`${older.headline} · ${NEWSROOM}`);
  await expectMasthead(reader);
  await reader.getByRole("banner").getByRole("link", { name: NEWSROOM }).click();
  await expect(reader).toHaveURL(/\/p$/);

  // A correction on the day of publication: both times, "Updated" once, the note without a repeated date.
  await publish(ayse, maria, olderId, older, "Corrected the number of ships.");
  await reader.goto(`/p/${olderSlug}`);
  const meta = reader.locator(".meta");
  await expect(meta).toHaveText(new RegExp(`By ${ACCOUNTS.analyst1.name} · Published \\d{1,2} \\w+ \\d{4}, \\d\\d:\\d\\d UTC · Updated \\d\\d:\\d\\d UTC`));
  await expect(reader.locator("main")).toContainText("Corrected the number of ships.");
  expect((await reader.locator("article").innerText()).match(/Updated/g)).toHaveLength(1);

  // RSS 2.0 beside the JSON Feed, with the live pieces.
  const rss = await reader.request.get("/feed.xml");
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(rss.headers()["etag"]).toBeTruthy();
  const xml = await rss.text();
  expect(xml).toContain('<rss version="2.0"');
  expect(xml).toContain(`<title>${NEWSROOM}</title>`);
  expect(xml.indexOf(`<title>${newer.headline}</title>`)).toBeGreaterThan(-1);
  expect(xml).toContain(`/p/${olderSlug}</link>`);
  expect((await (await reader.request.get("/feed.json")).json()) as { title: string }).toMatchObject({ title: NEWSROOM });

  // A styled 404 with the way back, never cached.
  const missing = (await reader.goto(`/p/no-such-story-${stamp}`))!;
  expect(missing.status()).toBe(404);
  expect(missing.headers()["cache-control"]).toBe("no-store");
  await expect(reader.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectMasthead(reader);
  await expect(reader.getByRole("link", { name: "See the latest stories" })).toHaveAttribute("href", "/p");

  // Unpublished from the bar with a note for readers: the 410 says the story was withdrawn, with that note only.
  const newerEditor = await openDocumentAs(browser, "editor", newerId);
  await workflowOf(newerEditor).getByRole("button", { name: "Unpublish" }).click();
  const confirm = workflowOf(newerEditor).getByRole("form", { name: "Confirm unpublishing" });
  await confirm.getByRole("textbox", { name: "Reason for unpublishing" }).fill("Source asked for a correction first");
  await confirm.getByRole("textbox", { name: "Note for readers (optional)" }).fill("We are checking a figure in this story.");
  await confirm.getByRole("button", { name: "Unpublish now" }).click();
  await expect(newerEditor.locator(".status-chip").first()).toHaveText("Draft");
  const gone = (await reader.goto(`/p/${newerSlug}`))!;
  expect(gone.status()).toBe(410);
  expect(gone.headers()["cache-control"]).toBe("no-store");
  await expect(reader.getByRole("heading", { level: 1, name: "This story was withdrawn" })).toBeVisible();
  await expect(reader.locator("main")).toContainText(`“${newer.headline}” was withdrawn by the newsroom`);
  await expect(reader.locator("main")).toContainText("Note from the editors: We are checking a figure in this story.");
  await expect(reader.locator("main")).not.toContainText("Source asked");
  await expectMasthead(reader);
  // And it left the front page.
  await reader.goto("/p");
  await expect(reader.getByRole("listitem").filter({ hasText: stamp })).toHaveCount(1);

  for (const page of [ayse, ayse2, maria, newerEditor, reader]) await page.context().close();
});
