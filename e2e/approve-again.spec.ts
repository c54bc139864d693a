// Issue point 1: after an edit to an approved piece, an editor approves the
// current text directly; the gate never asks for an action the bar lacks.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { createDocumentAs, openDocumentAs, workflowOf } from "./newDocument";
import { editorOf } from "./seededDocument";

test("an editor approves an approved piece again after an analyst changed it", async ({ browser }) => {
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", `Approve again ${Date.now().toString(36)}`, "The ceasefire held overnight.");
  await workflowOf(ayse).getByRole("button", { name: "Submit for review" }).click();
  const maria = await openDocumentAs(browser, "editor", documentId);
  await workflowOf(maria).getByRole("button", { name: "Approve" }).click();
  await expect(workflowOf(maria)).toContainText(`Approved by ${ACCOUNTS.editor.name}`);
  // Fresh approval: nothing to approve again.
  await expect(workflowOf(maria).getByRole("button", { name: "Approve" })).toHaveCount(0);

  await editorOf(ayse).click();
  await ayse.keyboard.press("Control+End");
  await ayse.keyboard.type(" Shelling resumed at dawn.");
  const gate = workflowOf(maria).getByRole("status").filter({ hasText: "Can't publish yet" });
  await expect(gate).toContainText(`Changed since approval by ${ACCOUNTS.editor.name}: approve it again`);
  // The author sees the change too, and is not asked to approve it.
  await expect(workflowOf(ayse)).toContainText(`Changed since approval by ${ACCOUNTS.editor.name}`);
  await expect(workflowOf(ayse).getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The message names an action the bar offers, and taking it approves the current text.
  await workflowOf(maria).getByRole("button", { name: "Approve" }).click();
  await expect(workflowOf(maria).getByRole("status").filter({ hasText: /^Approved by/ })).toContainText(`Approved by ${ACCOUNTS.editor.name}`);
  await expect(gate).not.toContainText("Changed since approval");
  await expect(workflowOf(ayse)).not.toContainText("Changed since approval");
  await expect(maria.locator(".status-chip").first()).toHaveText("Approved");
  const audit = await maria.request.get(`/api/documents/${documentId}/audit`);
  const { events } = (await audit.json()) as { events: { action: string; details: { from: string; to: string } }[] };
  expect(events.slice(0, 2).map((event) => [event.action, event.details.from, event.details.to])).toEqual([
    ["approve", "approved", "approved"],
    ["approve", "in_review", "approved"],
  ]);
  await ayse.context().close();
  await maria.context().close();
});
