// Helpers for specs that work on the seeded analysis in several browsers.
import { expect, type Browser, type Page } from "@playwright/test";
import { SEEDED_TITLE, storageStatePath, type AccountName } from "./accounts";

/** A new browser context signed in as the account, on the seeded analysis, connected. */
export async function openSeededDocumentAs(browser: Browser, account: AccountName): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(account), viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: SEEDED_TITLE }).click();
  // Joining can take a while when the machine is loaded (the room may still be storing from a previous spec).
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await expect(editorOf(page)).toContainText("Dolmabahçe");
  return page;
}

export const editorOf = (page: Page) => page.getByRole("textbox", { name: /document body/ });

/** The document's text without collaborators' caret labels. */
export const documentText = (page: Page) =>
  editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

/** Puts the caret at the end of the document's last paragraph. */
export async function caretToEnd(page: Page) {
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
}

/** Selects the first occurrence of `text` inside the editor, as a mouse drag would. */
export async function selectText(page: Page, text: string) {
  await editorOf(page).evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(needle);
      if (index === -1) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + needle.length);
      (root as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the document`);
  }, text);
}
