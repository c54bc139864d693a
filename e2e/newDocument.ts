// Helpers for specs that need a document of their own (the seeded analysis is
// shared by the specs that walk its workflow).
import { expect, type Browser, type Page } from "@playwright/test";
import { storageStatePath, type AccountName } from "./accounts";
import { editorOf } from "./seededDocument";

/** Opens the document in a new browser context signed in as the account, connected. */
export async function openDocumentAs(browser: Browser, account: AccountName, documentId: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(account), viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
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
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await editorOf(page).click();
  await page.keyboard.type(text);
  await expect(editorOf(page)).toContainText(text);
  return { page, documentId: id };
}

export const workflowOf = (page: Page) => page.getByRole("region", { name: "Workflow" });
