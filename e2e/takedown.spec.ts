// Issue point 3: takedowns that take. A reader's browser keeps public pages
// but revalidates them, and never keeps a 404 or 410: an unpublish reaches a
// reader who had the article on their very next visit, and so does a
// publication reach one who opened the link before it.
import { expect, test } from "@playwright/test";
import { createDocumentAs, openDocumentAs, publishThroughApi } from "./newDocument";

test("a reader who had the article gets 410 on their next visit after unpublishing, and one who got 404 before publication gets the article", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", `Embargo ${stamp}`, "Talks resume in Geneva on Monday.");
  const maria = await openDocumentAs(browser, "editor", documentId);
  const reader = await (await browser.newContext()).newPage();
  // Visit the page, leave, come back: an ordinary navigation, which a browser answers from its cache while it may.
  const visit = async (path: string) => {
    await reader.goto("about:blank");
    const response = await reader.goto(path);
    return response!;
  };

  // Before publication: 404, not remembered.
  const headline = `Embargo ${stamp}`;
  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const before = await visit(`/p/${slug}`);
  expect(before.status()).toBe(404);
  expect(before.headers()["cache-control"]).toBe("no-store");
  await publishThroughApi(ayse, maria, documentId, headline);
  const live = await visit(`/p/${slug}`);
  expect(live.status()).toBe(200);
  await expect(reader.getByText("Talks resume in Geneva on Monday.")).toBeVisible();
  expect(live.headers()["cache-control"]).toBe("public, no-cache");
  expect(live.headers()["etag"]).toMatch(/^"/);
  // Revalidation of a current copy costs a 304 without the page.
  const conditional = await reader.request.get(`/p/${slug}`, { headers: { "if-none-match": live.headers()["etag"]! } });
  expect(conditional.status()).toBe(304);

  // The takedown: the reader's next visit gets 410 Gone.
  const unpublished = await maria.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "unpublish", note: "Embargo broken by the source" } });
  expect(unpublished.status()).toBe(200);
  const started = Date.now();
  const gone = await visit(`/p/${slug}`);
  expect(gone.status()).toBe(410);
  expect(gone.headers()["cache-control"]).toBe("no-store");
  await expect(reader.getByRole("heading", { name: "This story was withdrawn" })).toBeVisible();
  test.info().annotations.push({ type: "timing", description: `unpublish → 410 for a reader who had the page: ${Date.now() - started} ms (next request)` });
  await reader.context().close();
  await ayse.context().close();
  await maria.context().close();
});
