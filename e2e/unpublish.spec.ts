// Issue point 4: unpublishing asks for confirmation and a reason (kept in the
// audit log, shown to editors); the bar tells the piece's public state truthfully
// and never links to a page that answers 410.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { createDocumentAs, openDocumentAs, publishThroughApi, workflowOf } from "./newDocument";

test("unpublish asks for a reason, the bar shows the piece as unpublished with no link, and the reason is in Activity", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", `Takedown ${stamp}`, "Names of the detained negotiators.");
  const maria = await openDocumentAs(browser, "editor", documentId);
  const { slug } = await publishThroughApi(ayse, maria, documentId, `Takedown ${stamp}`);
  await maria.reload();

  const publicState = workflowOf(maria).getByRole("status", { name: "Public page" });
  await expect(publicState).toContainText("Live since");
  await expect(publicState.getByRole("link", { name: "View published page (v1)" })).toHaveAttribute("href", `/p/${slug}`);
  const reader = await browser.newContext();
  const article = await reader.newPage();
  expect((await article.goto(`/p/${slug}`))!.status()).toBe(200);

  // One click only opens the confirmation; nothing happens without a reason.
  await workflowOf(maria).getByRole("button", { name: "Unpublish" }).click();
  const confirm = workflowOf(maria).getByRole("form", { name: "Confirm unpublishing" });
  await expect(confirm).toContainText("Readers get “no longer available” at its address at once");
  const unpublishNow = confirm.getByRole("button", { name: "Unpublish now" });
  await expect(unpublishNow).toBeDisabled();
  expect((await article.reload())!.status()).toBe(200);
  // Cancel leaves it live.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(maria.locator(".status-chip").first()).toHaveText("Published");

  await workflowOf(maria).getByRole("button", { name: "Unpublish" }).click();
  await confirm.getByRole("textbox", { name: "Reason for unpublishing" }).fill("Legal hold on the negotiators' names");
  await unpublishNow.click();
  await expect(maria.locator(".status-chip").first()).toHaveText("Draft");
  await expect(publicState).toContainText(`Unpublished by ${ACCOUNTS.editor.name}`);
  await expect(publicState).toContainText("Reason: Legal hold on the negotiators' names");
  // No link to the page that would answer 410, anywhere in the bar.
  await expect(workflowOf(maria).locator(`a[href^="/p/"]`)).toHaveCount(0);
  await expect(workflowOf(maria).getByRole("link", { name: /View published page/ })).toHaveCount(0);
  expect((await article.reload())!.status()).toBe(410);
  // The analyst's bar says the same, live.
  await expect(workflowOf(ayse).getByRole("status", { name: "Public page" })).toContainText("Unpublished");

  // The reason is in the document's Activity for editors.
  await workflowOf(maria).getByRole("button", { name: "Activity" }).click();
  const activity = maria.getByRole("dialog", { name: "Activity on this document" });
  await expect(activity.getByRole("listitem").first()).toContainText(`${ACCOUNTS.editor.name} unpublished the piece`);
  await expect(activity.getByRole("listitem").first()).toContainText("Legal hold on the negotiators' names");
  await maria.keyboard.press("Escape");

  // Scheduled again for tomorrow: the bar says so, and that nothing is public until then.
  await ayse.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "submit" } });
  await maria.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "approve" } });
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
  const scheduled = await maria.request.post(`/api/documents/${documentId}/transitions`, { data: { action: "publish", note: "Names removed", publishAt: tomorrow } });
  expect(scheduled.status()).toBe(200);
  await expect(publicState).toContainText("Version 2 scheduled for");
  await expect(publicState).toContainText("not public until then");
  await expect(workflowOf(maria).locator(`a[href^="/p/"]`)).toHaveCount(0);
  await reader.close();
  await ayse.context().close();
  await maria.context().close();
});
