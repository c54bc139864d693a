// The editorial workflow on the seeded analysis: submit, approve (pinned to
// the text), an edit makes the approval stale, request changes with a note.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { openSeededDocumentAs as openAs } from "./seededDocument";

test("analyst submits, editor approves, an edit makes the approval stale, editor requests changes", async ({ browser }) => {
  const ayse = await openAs(browser, "analyst1");
  const maria = await openAs(browser, "editor");
  const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });

  await workflow(ayse).getByRole("button", { name: "Submit for review" }).click();
  await expect(maria.locator(".status-chip").first()).toHaveText("In review");
  // The author cannot approve; the editor can.
  await expect(workflow(ayse).getByRole("button", { name: "Approve" })).toHaveCount(0);
  await workflow(maria).getByRole("button", { name: "Approve" }).click();
  await expect(workflow(ayse)).toContainText(`Approved by ${ACCOUNTS.editor.name}`);
  await expect(ayse.locator(".status-chip").first()).toHaveText("Approved");

  // Any edit after approval shows, live, in both browsers.
  const body = ayse.getByRole("textbox", { name: /document body/ });
  await body.click();
  await ayse.keyboard.press("Control+End");
  await ayse.keyboard.type(" One more line.");
  for (const page of [ayse, maria]) await expect(workflow(page)).toContainText(`Changed since approval by ${ACCOUNTS.editor.name}`);

  // Request changes needs a note, and sends the piece back to draft.
  await workflow(maria).getByRole("button", { name: "Request changes" }).click();
  await workflow(maria).getByPlaceholder("What should change?").fill("Source the prisoner figures");
  await workflow(maria).getByRole("button", { name: "Send back to draft" }).click();
  await expect(ayse.locator(".status-chip").first()).toHaveText("Draft");
  await expect(workflow(ayse)).not.toContainText("Approved by");

  // Everything is in the audit log, with who and the note.
  const documentId = new URL(maria.url()).pathname.split("/").pop();
  const audit = await maria.request.get(`/api/documents/${documentId}/audit`);
  const { events } = (await audit.json()) as { events: { action: string; actor: { name: string }; details: { note?: string } }[] };
  expect(events.slice(0, 3).map((event) => [event.action, event.actor.name])).toEqual([
    ["request_changes", ACCOUNTS.editor.name],
    ["approve", ACCOUNTS.editor.name],
    ["submit", ACCOUNTS.analyst1.name],
  ]);
  expect(events[0]!.details.note).toBe("Source the prisoner figures");

  await ayse.context().close();
  await maria.context().close();
});

test("the editor fills in newsroom metadata; the slug comes from the headline; word count is live", async ({ browser }) => {
  const maria = await openAs(browser, "editor");
  await expect(maria.getByText(/\d[\d,]* words · \d+ min read/)).toBeVisible();
  const before = await maria.getByText(/ words · /).textContent();
  await maria.getByRole("textbox", { name: /document body/ }).click();
  await maria.keyboard.press("Control+End");
  await maria.keyboard.type(" Two more words");
  await expect(maria.getByText(/ words · /)).not.toHaveText(before!);

  await maria.getByText("Newsroom metadata").click();
  await maria.getByLabel("Headline").fill("Istanbul talks: a restart, not a breakthrough");
  await maria.getByLabel("Dek (standfirst)").click();
  await maria.getByLabel("Dek (standfirst)").fill("Türkiye kept both sides at the table; little else moved.");
  await maria.getByLabel("Section").click();
  await maria.getByRole("button", { name: "From headline" }).click();
  await expect(maria.getByLabel("Slug")).toHaveValue("istanbul-talks-a-restart-not-a-breakthrough");
  await maria.getByLabel("Byline").selectOption({ label: ACCOUNTS.analyst1.name });
  await expect(maria.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await maria.reload();
  await maria.getByText("Newsroom metadata").click();
  await expect(maria.getByLabel("Headline")).toHaveValue("Istanbul talks: a restart, not a breakthrough");
  await expect(maria.getByLabel("Dek (standfirst)")).toHaveValue("Türkiye kept both sides at the table; little else moved.");
  await expect(maria.getByLabel("Slug")).toHaveValue("istanbul-talks-a-restart-not-a-breakthrough");
  await expect(maria.getByLabel("Byline")).toHaveValue(/[0-9a-f-]{36}/);
  await maria.context().close();
});

test("editor publishes; a logged-out reader sees the page; a correction republishes as version 2", async ({ browser }) => {
  const ayse = await openAs(browser, "analyst1");
  const maria = await openAs(browser, "editor");
  const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });

  await workflow(ayse).getByRole("button", { name: "Submit for review" }).click();
  await workflow(maria).getByRole("button", { name: "Approve" }).click();
  await expect(workflow(maria)).toContainText(`Approved by ${ACCOUNTS.editor.name}`);
  await workflow(maria).getByRole("button", { name: "Publish" }).click();
  await workflow(maria).getByRole("button", { name: "Publish now" }).click();
  await expect(maria.locator(".status-chip").first()).toHaveText("Published");
  const link = workflow(maria).getByRole("link", { name: /View published page \(v1\)/ });
  const url = (await link.getAttribute("href"))!;

  const reader = await browser.newContext();
  const publicPage = await reader.newPage();
  const response = await publicPage.goto(url);
  expect(response!.status()).toBe(200);
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("Istanbul talks: a restart, not a breakthrough");
  await expect(publicPage.getByText("Dolmabahçe presidential office")).toBeVisible();
  await expect(publicPage.locator("script:not([type='application/ld+json'])")).toHaveCount(0);

  // A correction: edit, re-approve, republish with a note.
  const body = ayse.getByRole("textbox", { name: /document body/ });
  await body.click();
  await ayse.keyboard.press("Control+End");
  await ayse.keyboard.type(" Corrected figure.");
  await expect(workflow(maria)).toContainText("Changed since approval");
  await workflow(maria).getByRole("button", { name: "Approve" }).click();
  await workflow(maria).getByRole("button", { name: "Republish" }).click();
  await workflow(maria).getByPlaceholder(/Correction or update note/).fill("Corrected the prisoner exchange figure.");
  await workflow(maria).getByRole("button", { name: "Publish now" }).click();
  await expect(workflow(maria).getByRole("link", { name: /View published page \(v2\)/ })).toBeVisible();

  await publicPage.reload();
  await expect(publicPage.getByText("Corrected the prisoner exchange figure.").first()).toBeVisible();
  await expect(publicPage.getByText("Corrected figure.")).toBeVisible();
  await expect(publicPage.getByRole("heading", { name: "Corrections and updates" })).toBeVisible();
  await reader.close();
  await ayse.context().close();
  await maria.context().close();
});
