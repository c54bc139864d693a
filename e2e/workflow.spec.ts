// The editorial workflow on the seeded analysis: submit, approve (pinned to
// the text), an edit makes the approval stale, request changes with a note;
// an open thread blocks publishing until it is resolved; publish, correct,
// and find it all in the document's and the newsroom's Activity.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, SEEDED_TITLE } from "./accounts";
import { openSeededDocumentAs as openAs, selectText } from "./seededDocument";

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

  // "See what changed" compares the approved version with the current text.
  const changesLink = workflow(maria).getByRole("link", { name: "See what changed" });
  const history = await maria.context().newPage();
  await history.goto((await changesLink.getAttribute("href"))!);
  const comparison = history.getByRole("document", { name: /Changes from version \d+ to current text/ });
  await expect(comparison.locator("ins.diff-insert")).toContainText("One more line.");
  await expect(history.getByRole("list", { name: "Versions" }).getByRole("button", { name: /Approved/ })).toHaveAttribute("aria-current", "true");
  await history.close();

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

test("an open thread blocks publishing until resolved; editor publishes; a logged-out reader sees the page; a correction republishes as version 2", async ({ browser }) => {
  const ayse = await openAs(browser, "analyst1");
  const maria = await openAs(browser, "editor");
  const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
  const question = `Is "continuity" the right word? ${Date.now().toString(36)}`;

  await workflow(ayse).getByRole("button", { name: "Submit for review" }).click();
  // The analyst asks about a phrase: an open thread.
  await selectText(ayse, "showed continuity on Türkiye's side");
  await ayse.keyboard.press("Control+Alt+m");
  await ayse.getByRole("combobox", { name: /New comment on/ }).fill(question);
  await ayse.getByRole("button", { name: "Post comment" }).click();
  const thread = maria.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst1.name}`) }).filter({ hasText: question });
  await expect(thread).toBeVisible();
  // The seeded suggestions (Daniel's paragraph break and bold) are reviewed before approving:
  // accepting them is an edit, which would make the approval stale.
  await expect(maria.getByRole("region", { name: /Suggestions/ })).toContainText("New paragraph");
  await maria.getByRole("group", { name: "Review all suggestions" }).getByRole("button", { name: "Accept all" }).click();
  await expect(maria.getByRole("region", { name: /Suggestions/ })).toContainText("No pending suggestions.");

  await workflow(maria).getByRole("button", { name: "Approve" }).click();
  await expect(workflow(maria)).toContainText(`Approved by ${ACCOUNTS.editor.name}`);

  // The approval is in the document's Activity, with who gave it.
  await workflow(maria).getByRole("button", { name: "Activity" }).click();
  const activity = maria.getByRole("dialog", { name: "Activity on this document" });
  await expect(activity.getByRole("listitem").first()).toContainText(`${ACCOUNTS.editor.name} approved`);
  await maria.keyboard.press("Escape");
  await expect(activity).toHaveCount(0);
  await expect(workflow(maria).getByRole("button", { name: "Activity" })).toBeFocused();

  // Open threads block publishing (the seeded one and this one): the gate lists them and Publish is disabled.
  const gate = workflow(maria).getByRole("status").filter({ hasText: "Can't publish yet" });
  await expect(gate).toContainText("2 open comment threads");
  const publish = workflow(maria).getByRole("button", { name: "Publish", exact: true });
  await expect(publish).toBeDisabled();
  // Resolving them in the review sidebar clears the blocker.
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(gate).toContainText("1 open comment thread");
  await maria.getByRole("article", { name: new RegExp(`Comment thread by ${ACCOUNTS.analyst2.name}`) }).getByRole("button", { name: "Resolve" }).click();
  await expect(gate).toHaveCount(0);
  await expect(publish).toBeEnabled();

  await publish.click();
  await workflow(maria).getByRole("button", { name: "Publish now" }).click();
  await expect(maria.locator(".status-chip").first()).toHaveText("Published");
  const link = workflow(maria).getByRole("link", { name: /View published page \(v1\)/ });
  const url = (await link.getAttribute("href"))!;
  // From now on the slug is the page's address: shown, not editable.
  await maria.getByText("Newsroom metadata").click();
  await expect(maria.getByLabel("Slug")).toHaveJSProperty("readOnly", true);
  await expect(maria.getByText(`Fixed since the first publication: the piece lives at ${new URL(url, "http://x").pathname}`)).toBeVisible();
  await expect(maria.getByRole("button", { name: "From headline" })).toHaveCount(0);

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

  // The newsroom's Activity page lists the publication, with its note and the document.
  await maria.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(maria.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const entries = maria.getByRole("list", { name: /Newsroom activity/ }).getByRole("listitem");
  await expect(entries.first()).toContainText(`${ACCOUNTS.editor.name} published version 2`);
  await expect(entries.first()).toContainText("Note: Corrected the prisoner exchange figure.");
  await expect(entries.first().getByRole("link", { name: SEEDED_TITLE })).toBeVisible();
  await maria.getByLabel("What").selectOption({ label: "Published" });
  await maria.getByLabel("Document").selectOption({ label: SEEDED_TITLE });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toContainText(`${ACCOUNTS.editor.name} published version 1`);
  await ayse.context().close();
  await maria.context().close();
});
