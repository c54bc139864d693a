// Two analysts co-edit the seeded analysis in two browsers.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { caretToEnd, documentText, editorOf, openSeededDocumentAs as openAs } from "./seededDocument";

// Two or three browsers on the longest document: on a loaded machine one of these tests took
// close to the default minute, most of it waiting for pages and sockets.
test.describe.configure({ timeout: 150_000 });

test("two analysts co-edit the seeded analysis live, with named carets", async ({ browser }) => {
  const ayse = await openAs(browser, "analyst1");
  const daniel = await openAs(browser, "analyst2");

  // Both see each other in the presence list.
  for (const page of [ayse, daniel]) {
    const people = page.getByRole("list", { name: "People in this document" });
    await expect(people.getByRole("listitem", { name: ACCOUNTS.analyst1.name })).toBeVisible();
    await expect(people.getByRole("listitem", { name: ACCOUNTS.analyst2.name })).toBeVisible();
  }

  // In turn: Ayşe types, Daniel sees it; then the other way round.
  const stamp = Date.now().toString(36);
  await caretToEnd(ayse);
  await ayse.keyboard.press("Enter");
  await ayse.keyboard.type(`First from Ayse ${stamp}.`);
  await expect(editorOf(daniel)).toContainText(`First from Ayse ${stamp}.`);

  await caretToEnd(daniel);
  await daniel.keyboard.press("Enter");
  await daniel.keyboard.type(`Reply from Daniel ${stamp}.`);
  await expect(editorOf(ayse)).toContainText(`Reply from Daniel ${stamp}.`);

  // Each sees the other's caret, named on hover.
  for (const [page, other] of [[ayse, ACCOUNTS.analyst2.name], [daniel, ACCOUNTS.analyst1.name]] as const) {
    const caret = page.locator(`.collaboration-carets__caret[data-name="${other}"]`);
    await expect(caret).toBeVisible();
    await caret.hover();
    await expect(caret.locator(".collaboration-carets__label")).toBeVisible();
    await expect(caret.locator(".collaboration-carets__label")).toHaveText(other);
  }

  // Concurrently: both type into their own paragraphs at the same time.
  await caretToEnd(ayse);
  await ayse.keyboard.press("Enter");
  await editorOf(daniel).getByText(`Reply from Daniel ${stamp}.`).click();
  await daniel.keyboard.press("End");
  await Promise.all([
    ayse.keyboard.type(` Concurrent Ayse ${stamp}`, { delay: 15 }),
    daniel.keyboard.type(` concurrent Daniel ${stamp}`, { delay: 15 }),
  ]);
  for (const page of [ayse, daniel]) {
    await expect(editorOf(page)).toContainText(`Concurrent Ayse ${stamp}`);
    await expect(editorOf(page)).toContainText(`concurrent Daniel ${stamp}`);
  }
  await expect.poll(async () => (await documentText(daniel)) === (await documentText(ayse))).toBe(true);
  const mergedText = await documentText(ayse);

  // A reload shows the merged text, from the server.
  await daniel.reload();
  await expect(editorOf(daniel)).toContainText(`concurrent Daniel ${stamp}`);
  await expect(editorOf(daniel)).toContainText(`Concurrent Ayse ${stamp}`);
  await expect.poll(() => documentText(daniel)).toBe(mergedText);

  await ayse.context().close();
  await daniel.context().close();
});

test("the viewer sees the text and others' presence but cannot type", async ({ browser }) => {
  const viewer = await openAs(browser, "viewer");
  const analyst = await openAs(browser, "analyst1");
  await expect(viewer.getByRole("note")).toContainText("can't change");
  await expect(editorOf(viewer)).toHaveAttribute("contenteditable", "false");
  await expect(viewer.getByRole("button", { name: "Bold", exact: true })).toBeDisabled();

  const before = await editorOf(viewer).innerText();
  await editorOf(viewer).click();
  await viewer.keyboard.type("viewer was here");
  await expect(editorOf(viewer)).not.toContainText("viewer was here");

  // The analyst's edits still reach the viewer; the viewer's never reached the analyst.
  const stamp = Date.now().toString(36);
  await caretToEnd(analyst);
  await analyst.keyboard.press("Enter");
  await analyst.keyboard.type(`Seen by the viewer ${stamp}`);
  await expect(editorOf(viewer)).toContainText(`Seen by the viewer ${stamp}`);
  await expect(editorOf(analyst)).not.toContainText("viewer was here");
  expect(before).not.toContain("viewer was here");
  await expect(viewer.getByRole("list", { name: "People in this document" }).getByRole("listitem", { name: ACCOUNTS.analyst1.name })).toBeVisible();

  await viewer.context().close();
  await analyst.context().close();
});

test("undo reverts only your own typing, never a colleague's", async ({ browser }) => {
  const ayse = await openAs(browser, "analyst1");
  const daniel = await openAs(browser, "analyst2");
  const stamp = Date.now().toString(36);

  await caretToEnd(daniel);
  await daniel.keyboard.press("Enter");
  await daniel.keyboard.type(`Daniel keeps this ${stamp}`);
  await expect(editorOf(ayse)).toContainText(`Daniel keeps this ${stamp}`);

  await caretToEnd(ayse);
  await ayse.keyboard.press("Enter");
  await ayse.keyboard.type(`Ayse takes this back ${stamp}`);
  await expect(editorOf(daniel)).toContainText(`Ayse takes this back ${stamp}`);

  // Undo until Ayşe's line is gone; Daniel's line must survive every step.
  const undo = ayse.getByRole("button", { name: "Undo" });
  await expect(undo).toBeEnabled();
  while (await undo.isEnabled()) await undo.click();
  for (const page of [ayse, daniel]) {
    await expect(editorOf(page)).not.toContainText(`Ayse takes this back ${stamp}`);
    await expect(editorOf(page)).toContainText(`Daniel keeps this ${stamp}`);
  }
  // And redo brings it back for everyone (typing slowed by a loaded machine can take several undo steps, so redo them all).
  const redo = ayse.getByRole("button", { name: "Redo" });
  await expect(redo).toBeEnabled();
  while (await redo.isEnabled()) await redo.click();
  await expect(editorOf(ayse)).toContainText(`Ayse takes this back ${stamp}`);
  await expect(editorOf(daniel)).toContainText(`Ayse takes this back ${stamp}`);

  await ayse.context().close();
  await daniel.context().close();
});
