// Reviewing a draft: comment threads on exact phrases, live replies with
// mentions, "For you", resolving.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { documentText, editorOf, openSeededDocumentAs as openAs, selectText } from "./seededDocument";

test("analysts comment and reply with a mention; the editor sees it under For you and resolves it", async ({ browser }) => {
  const ayse = await openAs(browser, "analyst1");
  const daniel = await openAs(browser, "analyst2");
  const phrase = "the largest of the war";
  const question = `Which source says largest? ${Date.now().toString(36)}`;

  await selectText(ayse, phrase);
  await ayse.keyboard.press("Control+Alt+m");
  await ayse.getByRole("combobox", { name: /New comment on/ }).fill(question);
  await ayse.getByRole("button", { name: "Post comment" }).click();

  // Daniel sees it live, anchored to the phrase, and the phrase is highlighted.
  const danielThread = daniel.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst1.name}`) });
  await expect(danielThread).toContainText(question);
  await expect(danielThread).toContainText(phrase);
  await expect(editorOf(daniel).locator(".comment-highlight", { hasText: phrase })).toHaveText(phrase);

  // He replies, mentioning the editor through the autocomplete.
  await danielThread.getByRole("button", { name: /Reply to .* thread/ }).click();
  const reply = danielThread.getByRole("combobox", { name: /Reply to/ });
  await reply.fill("Asking @Mar");
  await expect(danielThread.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: /Maria Keller/ })).toBeVisible();
  await reply.press("Enter");
  await reply.pressSequentially("to confirm.");
  await danielThread.getByRole("button", { name: "Reply" }).click();
  const ayseThread = ayse.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst1.name}`) });
  await expect(ayseThread).toContainText("Asking @Maria Keller to confirm.");

  // The editor finds it under For you, opens it and resolves it.
  const maria = await openAs(browser, "editor");
  const forYou = maria.getByRole("region", { name: /For you/ });
  await expect(forYou).toContainText(`${ACCOUNTS.analyst2.name} mentioned you`);
  await forYou.getByRole("button", { name: /mentioned you/ }).first().click();
  const mariaThread = maria.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst1.name}`) });
  await expect(mariaThread).toHaveClass(/active/);
  await mariaThread.getByRole("button", { name: "Resolve" }).click();

  // Everyone sees it resolved: gone from Open, listed under Resolved.
  for (const page of [ayse, daniel]) {
    await expect(page.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst1.name}`) })).toHaveCount(0);
    await page.getByRole("button", { name: /^Resolved/ }).click();
    await expect(page.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst1.name}`) }).filter({ hasText: question })).toContainText("Resolved");
  }
  // Resolved threads are no longer highlighted in the text (unless selected in the sidebar).
  await daniel.reload();
  await expect(editorOf(daniel)).toContainText(phrase);
  await expect(editorOf(daniel).locator(".comment-highlight", { hasText: phrase })).toHaveCount(0);

  for (const page of [ayse, daniel, maria]) await page.context().close();
});

test("a viewer reads comments but cannot add one", async ({ browser }) => {
  const viewer = await openAs(browser, "viewer");
  await expect(viewer.getByRole("button", { name: "Add comment" })).toBeDisabled();
  await expect(viewer.getByRole("region", { name: /Comments/ })).toBeVisible();
  await viewer.context().close();
});

test("an analyst suggests a deletion and an insertion; the editor accepts one and rejects the other", async ({ browser }) => {
  const daniel = await openAs(browser, "analyst2");
  const maria = await openAs(browser, "editor");
  const sentence = "It produced one firm result and left the main questions open.";
  const addition = ` Both sides called it a first step ${Date.now().toString(36)}.`;

  await daniel.getByRole("radio", { name: "Suggesting" }).click();
  await expect(daniel.getByRole("radio", { name: "Suggesting" })).toHaveAttribute("aria-checked", "true");

  // Delete a sentence: it stays visible, struck through, as a suggestion.
  await selectText(daniel, sentence);
  await daniel.keyboard.press("Backspace");
  await expect(editorOf(daniel).locator("del.suggestion-delete")).toHaveText(sentence);

  // Insert another at the end of the next paragraph.
  await selectText(daniel, "deserves a look of its own.");
  await daniel.keyboard.press("End");
  await daniel.keyboard.type(addition);
  await expect(editorOf(daniel).locator("ins.suggestion-insert")).toHaveText(addition);

  // The editor sees both, live, in the text and in the sidebar.
  await expect(editorOf(maria).locator("del.suggestion-delete")).toHaveText(sentence);
  await expect(editorOf(maria).locator("ins.suggestion-insert")).toHaveText(addition);
  const deletion = maria.getByRole("listitem", { name: `Delete suggestion by ${ACCOUNTS.analyst2.name}` });
  const insertion = maria.getByRole("listitem", { name: `Insert suggestion by ${ACCOUNTS.analyst2.name}` });
  await deletion.getByRole("button", { name: "Accept" }).click();
  await insertion.getByRole("button", { name: "Reject" }).click();

  for (const page of [maria, daniel]) {
    await expect(editorOf(page)).not.toContainText(sentence);
    await expect(editorOf(page)).not.toContainText(addition.trim());
    // (The seeded paragraph break and bold by Daniel are still pending: text suggestions only.)
    await expect(editorOf(page).locator("ins.suggestion, del.suggestion")).toHaveCount(0);
  }
  await expect.poll(async () => (await documentText(daniel)) === (await documentText(maria))).toBe(true);
  const finalText = await documentText(maria);
  await daniel.reload();
  await expect(editorOf(daniel)).toContainText("Dolmabahçe");
  await expect.poll(() => documentText(daniel)).toBe(finalText);

  await daniel.context().close();
  await maria.context().close();
});
