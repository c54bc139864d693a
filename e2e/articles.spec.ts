// Real articles: tables (and, further down, cards and figures) from the
// editor to the public page. Each test builds its own document.
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { jpegWithGpsExif } from "../server/media/testImages";
import { ACCOUNTS } from "./accounts";
import { createDocumentAs, openDocumentAs, publishAsEditor, serverJson } from "./articleDocument";
import { editorOf } from "./seededDocument";

// Each test drives two or three browsers through writing, review and publishing.
test.describe.configure({ timeout: 150_000 });

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

test("an analyst pastes a photo and writes its alt text, caption and credit; a colleague sees it; the published page shows it, and the file served has no EXIF", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const id = await createDocumentAs(browser, "analyst1", `Photo ${stamp}`);
  const ayse = await openDocumentAs(browser, "analyst1", id);
  // Daniel joins the document as an editor.
  const users = (await (await ayse.request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
  const daniel = users.users.find((user) => user.name === ACCOUNTS.analyst2.name)!;
  expect((await ayse.request.put(`/api/documents/${id}/members/${daniel.id}`, { data: { role: "editor" } })).status()).toBe(200);

  const body = editorOf(ayse);
  await body.click();
  await ayse.keyboard.type("Ukrainian officials left after under two hours.");
  await ayse.keyboard.press("Enter");

  const paste = (name: string, type: string, bytes: Buffer) =>
    body.evaluate(
      (element, file) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))], file.name, { type: file.type }));
        element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { name, type, base64: bytes.toString("base64") },
    );

  // Something that only claims to be an image is refused with the server's reason; the document is unchanged.
  await paste("map.png", "image/png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
  await expect(ayse.getByRole("alert").filter({ hasText: "map.png" })).toHaveText(/Could not add “map\.png”: Only JPEG, PNG, WebP and GIF images can be uploaded/);
  await expect(body.locator("figure")).toHaveCount(0);

  // A camera photo with a GPS position and a serial number.
  await paste("dolmabahce.jpg", "image/jpeg", await jpegWithGpsExif(1600, 1000));
  const figure = body.locator("figure.figure");
  await expect(figure.locator("img")).toHaveJSProperty("complete", true);
  expect(await figure.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await expect(figure).toContainText("Needs alt text and credit");

  // The new figure is selected: its details form is open, alt text first.
  const details = ayse.getByRole("form", { name: "Image details" });
  await expect(details.getByLabel("Alt text")).toBeFocused();
  await details.getByLabel("Alt text").fill("Ukrainian officials walk outside the Dolmabahçe office in Istanbul");
  await details.getByLabel("Caption").fill("Outside the Dolmabahçe office, May 16");
  await details.getByLabel("Credit").fill("Newsroom test desk");
  await details.getByLabel(/Lead image/).check();
  await details.getByRole("button", { name: "Save image details" }).click();
  await expect(figure).toContainText("Credit: Newsroom test desk");
  await expect(figure).not.toContainText("Needs");

  // Daniel sees the figure with its image and credit, never a broken image.
  const danielPage = await openDocumentAs(browser, "analyst2", id);
  const seen = editorOf(danielPage).locator("figure.figure");
  await expect(seen).toContainText("Outside the Dolmabahçe office, May 16");
  await expect(seen.locator("img")).toHaveJSProperty("complete", true);
  expect(await seen.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await danielPage.context().close();

  await expect.poll(() => serverJson(ayse.request, id)).toContain("Newsroom test desk");
  const path = await publishAsEditor(browser, ayse, id, `In pictures ${stamp}`);

  const reader = await browser.newContext();
  const page = await reader.newPage();
  expect((await page.goto(path))!.status()).toBe(200);
  const published = page.locator("figure.figure-lead");
  await expect(published.locator("figcaption .figure-caption")).toHaveText("Outside the Dolmabahçe office, May 16");
  await expect(published.locator("figcaption .figure-credit")).toHaveText("Credit: Newsroom test desk");
  const image = published.getByRole("img", { name: "Ukrainian officials walk outside the Dolmabahçe office in Istanbul" });
  await expect(image).toHaveAttribute("srcset", /\/480 480w, .*\/960 960w, .*\/1000 1000w$/);
  await expect(image).toHaveAttribute("width", "1000");
  await expect(image).toHaveAttribute("height", "1600");
  await expect(image).toHaveJSProperty("complete", true);
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/media\/[0-9a-f]{64}\/original$/);

  // The files a reader downloads carry none of the photo's metadata.
  for (const src of [(await image.getAttribute("src"))!, (await page.locator('meta[property="og:image"]').getAttribute("content"))!]) {
    const file = await reader.request.get(src);
    expect(file.status()).toBe(200);
    expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const bytes = await file.body();
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.toString("latin1")).not.toContain("SN-4815162342");
    expect(bytes.toString("latin1")).not.toContain("NewsroomTestCam");
  }
  await reader.close();
  await ayse.context().close();
});
