// Version history in the browser: name a version, see who wrote what, compare
// a version with the current text, restore it, and see the editor follow.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "./accounts";

test.use({ storageState: storageStatePath("analyst1") });

test("names a version, compares it with later edits and restores it", async ({ page }) => {
  const stamp = Date.now().toString(36);
  await page.goto("/");
  await page.getByLabel("New document").fill(`Mediation timeline ${stamp}`);
  await page.getByRole("button", { name: "Create document" }).click();
  // Joining can take a while on a loaded machine.
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  const body = page.getByRole("textbox", { name: /document body/ });
  await body.click();
  await page.keyboard.type("Delegations met at Dolmabahce Palace for under two hours.");

  // Name the text as it stands.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: /^History/ })).toBeVisible();
  await page.getByLabel("Name the current text").fill("Sent to legal");
  await page.getByRole("button", { name: "Save version" }).click();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("button", { name: /Sent to legal/ })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("document", { name: /Text of version/ })).toContainText("under two hours");

  // Who wrote what: the current text, paragraph by paragraph.
  await versions.getByRole("button", { name: /Current text/ }).click();
  const authored = page.getByRole("list", { name: "Who wrote which paragraph" });
  await expect(authored.getByRole("listitem").first()).toContainText(ACCOUNTS.analyst1.name);

  // Edit after the named version.
  await page.getByRole("link", { name: "← Back to the document" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await expect(body).toContainText("under two hours");
  await body.getByText("under two hours").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Prisoner exchange agreed.");
  await expect(body).toContainText("Prisoner exchange agreed.");

  // Compare the named version with the current text.
  await page.getByRole("link", { name: "History" }).click();
  await versions.getByRole("button", { name: /Sent to legal/ }).click();
  await page.getByLabel("Compare with").selectOption("current");
  const comparison = page.getByRole("document", { name: /Changes from version \d+ to current text/ });
  await expect(comparison.locator("ins.diff-insert")).toContainText("Prisoner exchange agreed.");
  await expect(comparison.locator("ins.diff-insert").first()).toHaveAttribute("title", `Inserted by ${ACCOUNTS.analyst1.name}`);

  // Restore it: a new edit on top, confirmed first.
  await page.getByLabel("Compare with").selectOption("");
  await page.getByRole("button", { name: "Restore this version" }).click();
  const dialog = page.getByRole("alertdialog", { name: /Restore version/ });
  await dialog.getByRole("button", { name: /^Restore version/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /restored/ })).toBeVisible();
  await expect(versions.getByRole("button", { name: /Restored version/ })).toHaveAttribute("aria-current", "true");
  // The replaced text stays in the history, in the version before the restore
  // (a checkpoint taken when the editor left for this page, or just before restoring).
  await versions.getByRole("button").nth(2).click();
  await expect(page.getByRole("document", { name: /Text of version/ })).toContainText("Prisoner exchange agreed.");

  // Automatic checkpoints can be hidden (all but a selected one); named versions and restores stay.
  await versions.getByRole("button", { name: /Sent to legal/ }).click();
  await page.getByLabel(/Show automatic checkpoints/).uncheck();
  await expect(versions.getByRole("button", { name: /Automatic checkpoint/ })).toHaveCount(0);
  await expect(versions.getByRole("button", { name: /Sent to legal/ })).toBeVisible();
  await page.getByLabel(/Show automatic checkpoints/).check();

  await page.getByRole("link", { name: "← Back to the document" }).click();
  await expect(body).toContainText("under two hours");
  await expect(body).not.toContainText("Prisoner exchange agreed.");
});
