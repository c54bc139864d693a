// Issue point 2: the dashboard is live. A new document, a status change and who
// is editing now reach an open dashboard as they happen (the list used to poll
// every 15 s); no reload by the reader.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "./accounts";

// Far below the old 15 s poll; the server side delivers within a second (test/integration/newsroom.live.test.ts).
const PROMPTLY = { timeout: 3_000 };

test("an editor's open dashboard shows a new document, its submission and who is editing it, as they happen", async ({ browser }) => {
  const editorContext = await browser.newContext({ storageState: storageStatePath("editor") });
  const maria = await editorContext.newPage();
  await maria.goto("/");
  await expect(maria.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 30_000 });

  const analystContext = await browser.newContext({ storageState: storageStatePath("analyst1") });
  const title = `Live dashboard ${Date.now().toString(36)}`;
  const timings: string[] = [];
  const created = await analystContext.request.post("/api/documents", { data: { title } });
  expect(created.status()).toBe(201);
  // Timed from the server's answer: the change is stored by then.
  let started = Date.now();
  const { id } = (await created.json()) as { id: string };
  const row = maria.getByRole("row").filter({ has: maria.getByRole("link", { name: title }) });
  await expect(row).toBeVisible(PROMPTLY);
  timings.push(`new document: ${Date.now() - started} ms`);
  await expect(row).toContainText("Draft");

  expect((await analystContext.request.post(`/api/documents/${id}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
  started = Date.now();
  await expect(row.locator(".status-chip")).toHaveText("In review", PROMPTLY);
  timings.push(`submitted for review: ${Date.now() - started} ms`);

  const ayse = await analystContext.newPage();
  await ayse.goto(`/documents/${id}`);
  await expect(ayse.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  const connectedAt = Date.now();
  await expect(row.getByRole("list", { name: `Editing ${title} now` }).getByRole("listitem", { name: ACCOUNTS.analyst1.name })).toBeVisible(PROMPTLY);
  timings.push(`editing now: ${Date.now() - connectedAt} ms after the editor connected`);
  await ayse.close();
  await expect(row.getByRole("list", { name: `Editing ${title} now` })).toHaveCount(0, PROMPTLY);
  test.info().annotations.push({ type: "dashboard latency", description: timings.join("; ") });
  console.log(`[dashboard latency] ${timings.join("; ")}`);
  await editorContext.close();
  await analystContext.close();
});
