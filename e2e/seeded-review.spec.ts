// The seed: the analysis opens with review under way, one open comment thread
// on a phrase with one reply and two suggestions of structure and formatting,
// so a new user sees review at once.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { editorOf, openSeededDocumentAs } from "./seededDocument";

test("the seeded analysis opens with one open comment thread and one reply, its phrase highlighted", async ({ browser }) => {
  const ayse = await openSeededDocumentAs(browser, "analyst1");
  const thread = ayse.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst2.name}`) });
  await expect(thread).toHaveCount(1);
  await expect(thread).toContainText("The meeting lasted under two hours.");
  await expect(thread).toContainText("Which readout gives the length of the meeting?");
  await expect(thread.getByRole("listitem")).toHaveCount(2);
  await expect(thread.getByRole("listitem").nth(1)).toContainText(ACCOUNTS.editor.name);
  await expect(thread.getByRole("listitem").nth(1)).toContainText("the Turkish foreign ministry's readout");
  await expect(editorOf(ayse).locator(".comment-highlight", { hasText: "The meeting lasted under two hours." })).toHaveCount(1);
  await ayse.context().close();
});

test("the seeded analysis has two structure and formatting suggestions by the second analyst", async ({ browser }) => {
  const ayse = await openSeededDocumentAs(browser, "analyst1");
  await expect(ayse.getByRole("listitem", { name: `Paragraph break suggestion by ${ACCOUNTS.analyst2.name}` })).toContainText("New paragraph");
  await expect(ayse.getByRole("listitem", { name: `Format suggestion by ${ACCOUNTS.analyst2.name}` })).toContainText("a restart rather than a breakthrough");
  await expect(editorOf(ayse).locator("p.block-suggestion-split")).toContainText("On 14–15 May 2025");
  await expect(editorOf(ayse).locator(".suggestion-format strong, strong .suggestion-format")).toContainText("a restart rather than a breakthrough");
  await ayse.context().close();
});
