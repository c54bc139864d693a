// Real articles: tables (and, further down, cards and figures) from the
// editor to the public page. Each test builds its own document.
import { expect, test } from "@playwright/test";
import { createDocumentAs, openDocumentAs, publishAsEditor, serverJson } from "./articleDocument";
import { editorOf } from "./seededDocument";

test("an analyst adds a table with the toolbar and the keyboard; it is on the published page and scrolls on a phone", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const id = await createDocumentAs(browser, "analyst1", `Demands ${stamp}`);
  const ayse = await openDocumentAs(browser, "analyst1", id);
  const body = editorOf(ayse);
  await body.click();
  await ayse.keyboard.type("What each side asked for, and what came out.");
  await ayse.keyboard.press("Enter");

  const toolbar = ayse.getByRole("toolbar", { name: "Formatting" });
  await toolbar.getByRole("button", { name: "Insert table" }).click();
  const table = body.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveCount(3);
  await expect(table.getByRole("row")).toHaveCount(3);
  // The caret is in the first header cell; Tab moves cell to cell.
  for (const text of ["Side", "Asked for", "Outcome", "Ukraine", "30-day ceasefire", "none", "Russia", "memorandum first", "exchange of 1,000"]) {
    await ayse.keyboard.type(text);
    await ayse.keyboard.press("Tab");
  }
  // Tab in the last cell added a row; the toolbar removes it again.
  await expect(table.getByRole("row")).toHaveCount(4);
  const tableTools = toolbar.getByRole("group", { name: "Table" });
  await tableTools.getByRole("button", { name: "Delete row" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  const headers = table.getByRole("row").first().locator("th");
  await table.getByRole("cell", { name: "Ukraine" }).click();
  await tableTools.getByRole("button", { name: "Add column right" }).click();
  await expect(headers).toHaveText(["Side", "", "Asked for", "Outcome"]);
  await headers.nth(1).click();
  await tableTools.getByRole("button", { name: "Delete column" }).click();
  await expect(headers).toHaveText(["Side", "Asked for", "Outcome"]);
  await expect(tableTools.getByRole("button", { name: "Header row" })).toHaveAttribute("aria-pressed", "true");
  await expect(table.getByRole("cell", { name: "memorandum first" })).toBeVisible();

  // Once the server has the table, the piece is published.
  await expect.poll(() => serverJson(ayse.request, id)).toContain("exchange of 1,000");
  const path = await publishAsEditor(browser, ayse, id, `What each side asked for ${stamp}`);

  const reader = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await reader.newPage();
  expect((await page.goto(path))!.status()).toBe(200);
  const published = page.getByRole("table");
  await expect(published.getByRole("columnheader")).toHaveText(["Side", "Asked for", "Outcome"]);
  await expect(published.getByRole("row").nth(2).getByRole("cell")).toHaveText(["Russia", "memorandum first", "exchange of 1,000"]);
  // On a phone the table scrolls inside its wrapper; the page itself never scrolls sideways.
  await expect(page.locator(".tableWrapper")).toHaveCSS("overflow-x", "auto");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await reader.close();
  await ayse.context().close();
});
