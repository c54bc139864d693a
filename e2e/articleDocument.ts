// Helpers for specs that build an article of their own (never the seeded
// analysis): create it as an analyst, open it, and have the editor publish it
// through the same API the workflow bar calls.
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, storageStatePath, type AccountName } from "./accounts";
import { editorOf } from "./seededDocument";

/** A new document created by `account`, who becomes its editor. */
export async function createDocumentAs(browser: Browser, account: AccountName, title: string): Promise<string> {
  const context = await browser.newContext({ storageState: storageStatePath(account) });
  const response = await context.request.post("/api/documents", { data: { title } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await context.close();
  return id;
}

/** A browser signed in as `account` on the document, connected. */
export async function openDocumentAs(browser: Browser, account: AccountName, documentId: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(account), viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/documents/${documentId}`);
  // Generous: on a loaded machine the first load of the editor's bundle can take a while.
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await expect(editorOf(page)).toBeVisible({ timeout: 30_000 });
  return page;
}

/** The document's JSON as the server holds it now (live edits included). */
export async function serverJson(request: APIRequestContext, documentId: string): Promise<string> {
  const response = await request.get(`/api/documents/${documentId}/export?format=json`);
  expect(response.status()).toBe(200);
  return JSON.stringify(await response.json());
}

/**
 * Metadata by the author, submitted, then approved and published by the
 * newsroom editor (a second person, as the two-person rule wants).
 * Returns the public page's path.
 */
export async function publishAsEditor(browser: Browser, author: Page, documentId: string, headline: string): Promise<string> {
  const slug = `${headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  const users = (await (await author.request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
  const byline = users.users.find((user) => user.name === ACCOUNTS.analyst1.name)!;
  const patched = await author.request.patch(`/api/documents/${documentId}`, { data: { headline, slug, bylineId: byline.id } });
  expect(patched.status(), await patched.text()).toBe(200);
  const submitted = await author.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "submit" } });
  expect(submitted.status(), await submitted.text()).toBe(200);

  const editor = await browser.newContext({ storageState: storageStatePath("editor") });
  for (const action of ["approve", "publish"]) {
    const response = await editor.request.post(`/api/documents/${documentId}/transitions`, { data: { action } });
    expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  }
  await editor.close();
  return `/p/${slug}`;
}
