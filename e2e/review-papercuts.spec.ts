// Issue points 5–8, the review papercuts: mentions as names (chips), resolved
// threads not highlighted and saying who resolved them, compact caret labels,
// and metadata fields wide enough, without a slug flash.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { createDocumentAs, openDocumentAs } from "./newDocument";
import { editorOf, selectText } from "./seededDocument";

const stamp = () => Date.now().toString(36);
const threadBy = (page: Page, name: string) => page.getByRole("article", { name: new RegExp(`Comment thread by ${name}`) });

async function comment(page: Page, phrase: string, text: string) {
  await selectText(page, phrase);
  await page.keyboard.press("Control+Alt+m");
  await page.getByRole("combobox", { name: /New comment on/ }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
}

test("point 5: a mention chosen from the @ list shows as the name on a chip, in the comment box and in the thread", async ({ browser }) => {
  const { page: ayse } = await createDocumentAs(browser, "analyst1", `Mentions ${stamp()}`, "The grain corridor reopened on Tuesday.");
  await selectText(ayse, "grain corridor");
  await ayse.keyboard.press("Control+Alt+m");
  const box = ayse.getByRole("combobox", { name: /New comment on/ });
  await box.pressSequentially("Can @Mar");
  await ayse.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: /Maria Keller/ }).click();
  // The box holds the name, never the markup, and paints it as a chip.
  await expect(box).toHaveValue(`Can @${ACCOUNTS.editor.name} `);
  await expect(ayse.locator(".composer .mention-chip")).toHaveText(`@${ACCOUNTS.editor.name}`);
  await box.pressSequentially("confirm the date?");
  await expect(box).toHaveValue(`Can @${ACCOUNTS.editor.name} confirm the date?`);
  await ayse.getByRole("button", { name: "Post comment" }).click();

  const thread = threadBy(ayse, ACCOUNTS.analyst1.name);
  await expect(thread).toContainText(`Can @${ACCOUNTS.editor.name} confirm the date?`);
  await expect(thread.locator(".mention")).toHaveText(`@${ACCOUNTS.editor.name}`);
  await expect(thread).not.toContainText("@[");

  // Editing shows the name too, and keeps the mention.
  await thread.getByRole("button", { name: `Edit comment by ${ACCOUNTS.analyst1.name}` }).click();
  const edit = thread.getByRole("combobox", { name: "Edit comment" });
  await expect(edit).toHaveValue(`Can @${ACCOUNTS.editor.name} confirm the date?`);
  await edit.fill(`Can @${ACCOUNTS.editor.name} confirm the date, please?`);
  await thread.getByRole("button", { name: "Save" }).click();
  await expect(thread.locator(".mention")).toHaveText(`@${ACCOUNTS.editor.name}`);
  await expect(thread).toContainText("confirm the date, please?");

  // The editor was mentioned: For you says so, by name.
  const documentId = new URL(ayse.url()).pathname.split("/").pop()!;
  const maria = await openDocumentAs(browser, "editor", documentId);
  const forYou = maria.getByRole("region", { name: /For you/ });
  await expect(forYou).toContainText(`${ACCOUNTS.analyst1.name} mentioned you`);
  await expect(forYou).not.toContainText("@[");
  await ayse.context().close();
  await maria.context().close();
});

test("point 6: a resolved thread's phrase is highlighted for nobody, and the thread says who resolved it and when", async ({ browser }) => {
  const phrase = "ceasefire monitors";
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", `Resolved ${stamp()}`, `The ${phrase} arrived in Zaporizhzhia.`);
  await comment(ayse, phrase, "Which mission sent them?");
  const maria = await openDocumentAs(browser, "editor", documentId);
  await expect(editorOf(maria).locator(".comment-highlight")).toHaveText(phrase);

  const mariaThread = threadBy(maria, ACCOUNTS.analyst1.name);
  await mariaThread.click();
  await expect(mariaThread).toHaveClass(/active/);
  await mariaThread.getByRole("button", { name: "Resolve" }).click();
  // Not even for the editor who resolved it, whose card was active.
  for (const page of [maria, ayse]) await expect(editorOf(page).locator(".comment-highlight")).toHaveCount(0);

  await ayse.getByRole("button", { name: /^Resolved/ }).click();
  const resolved = threadBy(ayse, ACCOUNTS.analyst1.name);
  await expect(resolved).toContainText(`Resolved by ${ACCOUNTS.editor.name} · just now`);
  await resolved.click();
  await expect(editorOf(ayse).locator(".comment-highlight")).toHaveCount(0);
  await ayse.context().close();
  await maria.context().close();
});

test("point 7: a collaborator's caret shows their name only on hover, never over the text", async ({ browser }) => {
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", `Carets ${stamp()}`, "First line of the dispatch.");
  await ayse.keyboard.press("Enter");
  await ayse.keyboard.type("Second line of the dispatch.");
  const maria = await openDocumentAs(browser, "editor", documentId);
  await editorOf(maria).getByText("Second line of the dispatch.").click();

  const caret = ayse.locator(`.collaboration-carets__caret[data-name="${ACCOUNTS.editor.name}"]`);
  await expect(caret).toBeVisible();
  const label = caret.locator(".collaboration-carets__label");
  // Compact: the first line, right above the caret, stays uncovered.
  await expect(label).toBeHidden();
  await caret.hover();
  await expect(label).toBeVisible();
  await expect(label).toHaveText(ACCOUNTS.editor.name);
  await ayse.mouse.move(5, 5);
  await expect(label).toBeHidden();
  await ayse.context().close();
  await maria.context().close();
});

test("point 8: headline and slug fields fit a 45-character headline, and the slug from the headline never flashes empty", async ({ browser }) => {
  const { page: maria } = await createDocumentAs(browser, "editor", `Metadata ${stamp()}`, "Body text.");
  await maria.getByText("Newsroom metadata").click();
  const headline = "Black Sea grain deal: what Ankara got from it"; // 45 characters
  expect(headline).toHaveLength(45);
  const headlineField = maria.getByLabel("Headline");
  await headlineField.fill(headline);
  const fits = (locator: typeof headlineField) => locator.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth);
  expect(await fits(headlineField)).toBe(true);

  // Record every value the slug field shows, frame by frame.
  await maria.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { slugValues: string[] }).slugValues = seen;
    const input = document.getElementById("meta-slug") as HTMLInputElement;
    const record = () => {
      if (seen[seen.length - 1] !== input.value) seen.push(input.value);
      requestAnimationFrame(record);
    };
    record();
  });
  // A slow network for the slug's save: it reaches the server late, so the headline's answer
  // (stored without a slug) arrives while the slug's save is still on its way.
  await maria.route("**/api/documents/*", async (route) => {
    if (route.request().method() === "PATCH" && route.request().postData()?.includes('"slug"')) {
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
    await route.continue();
  });
  await maria.getByRole("button", { name: "From headline" }).click();
  const slug = "black-sea-grain-deal-what-ankara-got-from-it";
  await expect(maria.getByLabel("Slug")).toHaveValue(slug);
  await expect(maria.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(maria.getByLabel("Slug")).toHaveValue(slug);
  const values = await maria.evaluate(() => (window as unknown as { slugValues: string[] }).slugValues);
  expect(values).toEqual(["", slug]);
  expect(await fits(maria.getByLabel("Slug"))).toBe(true);
  await maria.context().close();
});
