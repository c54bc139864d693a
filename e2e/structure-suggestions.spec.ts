// Suggesting structure and formatting: a suggester splits a paragraph, bolds
// a phrase and makes a paragraph a heading; the editor sees them live,
// accepts the break and rejects the bold and the heading; both browsers end
// with the same text.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { ACCOUNTS } from "./accounts";
import { createDocumentAs, openDocumentAs } from "./newDocument";
import { documentText, editorOf, selectText } from "./seededDocument";

/** The editor's paragraphs as text, without collaborators' caret labels. */
const paragraphs = (page: Page) =>
  editorOf(page).evaluate((root) =>
    [...root.querySelectorAll("p")].map((paragraph) => {
      const copy = paragraph.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return copy.textContent ?? "";
    }),
  );

/**
 * Waits until the editor has taken the browser's selection (ProseMirror reads
 * it on selectionchange, after the DOM has it): a key pressed or a button
 * clicked before that would act on the previous selection.
 */
const selectionSettles = (page: Page, selected: string) =>
  expect
    .poll(() =>
      editorOf(page).evaluate((element) => {
        const { state } = (element as HTMLElement & { editor: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } } } }).editor;
        return state.doc.textBetween(state.selection.from, state.selection.to);
      }),
    )
    .toBe(selected);

test("a suggester splits a paragraph and bolds a phrase; the editor accepts one and rejects the other", async ({ browser }) => {
  // Two browsers, three suggestions and a reload: more than the default minute on a loaded machine.
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const text = `The talks in Istanbul lasted under two hours. Both sides agreed to a prisoner exchange ${stamp}.`;
  const { page: maria, documentId } = await createDocumentAs(browser, "editor", `Structure suggestions ${stamp}`, text);
  const users = (await (await maria.request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
  const daniel = users.users.find((user) => user.name === ACCOUNTS.analyst2.name)!;
  expect((await maria.request.put(`/api/documents/${documentId}/members/${daniel.id}`, { data: { role: "suggester" } })).status()).toBe(200);

  const suggester = await openDocumentAs(browser, "analyst2", documentId);
  await expect(editorOf(suggester)).toContainText(stamp);
  await expect(suggester.getByRole("radio", { name: "Suggesting" })).toHaveAttribute("aria-checked", "true");
  await expect(suggester.getByRole("button", { name: "Bold" })).toBeEnabled();

  // A paragraph break before "Both sides": Enter, as a suggestion.
  await selectText(suggester, "Both sides");
  await selectionSettles(suggester, "Both sides");
  await suggester.keyboard.press("ArrowLeft");
  await selectionSettles(suggester, "");
  await suggester.keyboard.press("Enter");
  await expect(editorOf(suggester).locator("p")).toHaveCount(2);
  await expect(editorOf(suggester).locator("p.block-suggestion-split")).toContainText("Both sides");

  // Bold on "prisoner exchange" with the toolbar.
  await selectText(suggester, "prisoner exchange");
  await selectionSettles(suggester, "prisoner exchange");
  await suggester.getByRole("button", { name: "Bold" }).click();
  await expect(editorOf(suggester).locator("strong", { hasText: "prisoner exchange" })).toBeVisible();

  // The first paragraph as a heading, with the toolbar.
  await selectText(suggester, "The talks");
  await selectionSettles(suggester, "The talks");
  await suggester.getByRole("button", { name: "H2 heading" }).click();
  await expect(editorOf(suggester).locator("h2.block-suggestion-change")).toContainText("The talks in Istanbul");

  // The editor sees them, live, in the text and in the sidebar.
  await expect(editorOf(maria).locator("p.block-suggestion-split")).toContainText("Both sides");
  await expect(editorOf(maria).locator(".suggestion-format", { hasText: "prisoner exchange" })).toBeVisible();
  const paragraphBreak = maria.getByRole("listitem", { name: `Paragraph break suggestion by ${ACCOUNTS.analyst2.name}` });
  const bold = maria.getByRole("listitem", { name: `Format suggestion by ${ACCOUNTS.analyst2.name}` });
  await expect(paragraphBreak).toContainText("New paragraph");
  await expect(bold).toContainText("Bold");
  const heading = maria.getByRole("listitem", { name: `Block type suggestion by ${ACCOUNTS.analyst2.name}` });
  await expect(heading).toContainText("Paragraph → Heading 2");
  await expect(editorOf(maria).locator("h2.block-suggestion-change")).toContainText("lasted under two hours");
  await maria.locator(".workspace-grid").screenshot({ path: test.info().outputPath("structure-suggestions.png") });

  await heading.getByRole("button", { name: "Reject" }).click();
  await paragraphBreak.getByRole("button", { name: "Accept" }).click();
  await bold.getByRole("button", { name: "Reject" }).click();

  for (const page of [maria, suggester]) {
    await expect.poll(() => paragraphs(page)).toEqual(["The talks in Istanbul lasted under two hours. ", `Both sides agreed to a prisoner exchange ${stamp}.`]);
    await expect(editorOf(page).locator("strong, h2")).toHaveCount(0);
    await expect(editorOf(page).locator(".suggestion, .block-suggestion")).toHaveCount(0);
  }
  await expect.poll(async () => (await documentText(suggester)) === (await documentText(maria))).toBe(true);
  // And it is what the server kept.
  await suggester.reload();
  await expect.poll(() => paragraphs(suggester)).toEqual(["The talks in Istanbul lasted under two hours. ", `Both sides agreed to a prisoner exchange ${stamp}.`]);
  await expect(editorOf(suggester).locator("strong")).toHaveCount(0);

  await suggester.context().close();
  await maria.context().close();
});

test("a suggester pastes a photo: it is their suggestion until the editor accepts it", async ({ browser }) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const { page: maria, documentId } = await createDocumentAs(browser, "editor", `Suggested photo ${stamp}`, `Delegations met in Istanbul ${stamp}.`);
  const users = (await (await maria.request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
  const daniel = users.users.find((user) => user.name === ACCOUNTS.analyst2.name)!;
  expect((await maria.request.put(`/api/documents/${documentId}/members/${daniel.id}`, { data: { role: "suggester" } })).status()).toBe(200);
  const suggester = await openDocumentAs(browser, "analyst2", documentId);
  await expect(editorOf(suggester)).toContainText(stamp);

  await editorOf(suggester).click();
  await suggester.keyboard.press("Control+End");
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#3b6ea5" } }).png().toBuffer();
  await editorOf(suggester).evaluate(
    (element, base64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], "map.png", { type: "image/png" }));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    png.toString("base64"),
  );
  await expect(editorOf(suggester).locator("figure.block-suggestion-insert img")).toHaveJSProperty("complete", true);

  const insertion = maria.getByRole("listitem", { name: `Insert suggestion by ${ACCOUNTS.analyst2.name}` });
  await expect(insertion).toContainText("Insert figure");
  await expect(editorOf(maria).locator("figure.block-suggestion-insert")).toBeVisible();
  await insertion.getByRole("button", { name: "Accept" }).click();
  for (const page of [maria, suggester]) {
    await expect(editorOf(page).locator("figure.figure")).toHaveCount(1);
    await expect(editorOf(page).locator(".block-suggestion")).toHaveCount(0);
  }
  await suggester.context().close();
  await maria.context().close();
});
