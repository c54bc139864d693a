// Real articles: tables (and, further down, cards and figures) from the
// editor to the public page. Each test builds its own document.
import { expect, test } from "@playwright/test";
import { createDocumentAs, openDocumentAs, publishAsEditor, serverJson } from "./articleDocument";
import { editorOf } from "./seededDocument";

test("an analyst adds a table (toolbar and keyboard) and a related-article card; both are on the published page, the table scrolls on a phone", async ({ browser }) => {
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

  // A related-article card after the table: typed, not fetched; a bad address is refused with a reason.
  await body.press("Control+End");
  await toolbar.getByRole("button", { name: "Related article" }).click();
  const cardForm = toolbar.getByRole("form", { name: "Add related article" });
  await cardForm.getByLabel("Address").fill("javascript:alert(1)");
  await cardForm.getByLabel("Headline").fill("Antalya: what NATO agreed");
  await cardForm.getByRole("button", { name: "Insert card" }).click();
  await expect(cardForm.getByRole("alert")).toHaveText("The address must be a web address starting with https:// or http://");
  await cardForm.getByLabel("Address").fill("https://example.org/antalya");
  await cardForm.getByLabel("Teaser (one line)").fill("Ministers met the day before the talks");
  await cardForm.getByRole("button", { name: "Insert card" }).click();
  const card = body.locator("aside.related-card");
  await expect(card).toContainText("Antalya: what NATO agreed");
  await expect(card).toContainText("https://example.org/antalya");
  // Selected, the same button edits the card.
  await card.click();
  await toolbar.getByRole("button", { name: "Edit related article" }).click();
  const editForm = toolbar.getByRole("form", { name: "Edit related article" });
  await expect(editForm.getByLabel("Headline")).toHaveValue("Antalya: what NATO agreed");
  await editForm.getByLabel("Headline").fill("Antalya: what NATO ministers agreed");
  await editForm.getByRole("button", { name: "Update card" }).click();
  await expect(card).toContainText("Antalya: what NATO ministers agreed");

  // Once the server has it all, the piece is published.
  await expect.poll(() => serverJson(ayse.request, id)).toContain("Antalya: what NATO ministers agreed");
  expect(await serverJson(ayse.request, id)).toContain("exchange of 1,000");
  const path = await publishAsEditor(browser, ayse, id, `What each side asked for ${stamp}`);

  const reader = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await reader.newPage();
  expect((await page.goto(path))!.status()).toBe(200);
  const published = page.getByRole("table");
  await expect(published.getByRole("columnheader")).toHaveText(["Side", "Asked for", "Outcome"]);
  await expect(published.getByRole("row").nth(2).getByRole("cell")).toHaveText(["Russia", "memorandum first", "exchange of 1,000"]);
  const publishedCard = page.getByRole("complementary").getByRole("link", { name: /Antalya: what NATO ministers agreed/ });
  await expect(publishedCard).toHaveAttribute("href", "https://example.org/antalya");
  await expect(publishedCard).toContainText("Ministers met the day before the talks");
  // On a phone the table scrolls inside its wrapper; the page itself never scrolls sideways.
  await expect(page.locator(".tableWrapper")).toHaveCSS("overflow-x", "auto");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await reader.close();
  await ayse.context().close();
});
