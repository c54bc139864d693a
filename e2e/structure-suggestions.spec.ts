// Suggesting structure and formatting: a suggester splits a paragraph and
// bolds a phrase; the editor sees both live, accepts the break and rejects
// the bold; both browsers end with the same text.
import { expect, test, type Page } from "@playwright/test";
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

test("a suggester splits a paragraph and bolds a phrase; the editor accepts one and rejects the other", async ({ browser }) => {
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
  await suggester.keyboard.press("ArrowLeft");
  await suggester.keyboard.press("Enter");
  await expect(editorOf(suggester).locator("p")).toHaveCount(2);
  await expect(editorOf(suggester).locator("p.block-suggestion-split")).toContainText("Both sides");

  // Bold on "prisoner exchange" with the toolbar.
  await selectText(suggester, "prisoner exchange");
  await suggester.getByRole("button", { name: "Bold" }).click();
  await expect(editorOf(suggester).locator("strong", { hasText: "prisoner exchange" })).toBeVisible();

  // The editor sees both, live, in the text and in the sidebar.
  await expect(editorOf(maria).locator("p.block-suggestion-split")).toContainText("Both sides");
  await expect(editorOf(maria).locator(".suggestion-format", { hasText: "prisoner exchange" })).toBeVisible();
  const paragraphBreak = maria.getByRole("listitem", { name: `Paragraph break suggestion by ${ACCOUNTS.analyst2.name}` });
  const bold = maria.getByRole("listitem", { name: `Format suggestion by ${ACCOUNTS.analyst2.name}` });
  await expect(paragraphBreak).toContainText("New paragraph");
  await expect(bold).toContainText("Bold");
  await maria.locator(".workspace-grid").screenshot({ path: test.info().outputPath("structure-suggestions.png") });

  await paragraphBreak.getByRole("button", { name: "Accept" }).click();
  await bold.getByRole("button", { name: "Reject" }).click();

  for (const page of [maria, suggester]) {
    await expect.poll(() => paragraphs(page)).toEqual(["The talks in Istanbul lasted under two hours. ", `Both sides agreed to a prisoner exchange ${stamp}.`]);
    await expect(editorOf(page).locator("strong")).toHaveCount(0);
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
