// Helpers for specs that need a document of their own (the seeded analysis is
// shared by the specs that walk its workflow).
import { expect, type APIResponse, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, storageStatePath, type AccountName } from "./accounts";
import { editorOf } from "./seededDocument";

/** Opens the document in a new browser context signed in as the account, connected. */
export async function openDocumentAs(browser: Browser, account: AccountName, documentId: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(account), viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/documents/${documentId}`);
  // The first socket of a run can take a while on a loaded machine.
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  return page;
}

/** Creates a document as the account through the API, opens it and types `text` into it. */
export async function createDocumentAs(browser: Browser, account: AccountName, title: string, text: string): Promise<{ page: Page; documentId: string }> {
  const context = await browser.newContext({ storageState: storageStatePath(account), viewport: { width: 1400, height: 900 } });
  const response = await context.request.post("/api/documents", { data: { title } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const page = await context.newPage();
  await page.goto(`/documents/${id}`);
  // The first socket of a run can take a while on a loaded machine.
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await editorOf(page).click();
  await page.keyboard.type(text);
  await expect(editorOf(page)).toContainText(text);
  return { page, documentId: id };
}

export const workflowOf = (page: Page) => page.getByRole("region", { name: "Workflow" });

/**
 * Takes a document the analyst wrote to published through the API: the editor
 * sets headline, slug and byline, the analyst submits, the editor approves and publishes.
 */
export async function publishThroughApi(analyst: Page, editor: Page, documentId: string, headline: string): Promise<{ slug: string }> {
  const users = (await (await editor.request.get("/api/users")).json()) as { users: { id: string; email?: string; name: string }[] };
  const byline = users.users.find((user) => user.name === ACCOUNTS.analyst1.name)!;
  const slug = `${headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  const ok = async (response: Promise<APIResponse>) => expect((await response).status(), await (await response).text()).toBeLessThan(300);
  await ok(editor.request.patch(`/api/documents/${documentId}`, { data: { headline, slug, bylineId: byline.id } }));
  await ok(analyst.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "submit" } }));
  await ok(editor.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "approve" } }));
  await ok(editor.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "publish" } }));
  return { slug };
}
