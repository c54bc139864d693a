// Issue point 9: an automated WCAG 2.1 AA check (axe-core in Chromium) of
// every page, signed in and public. Any violation fails, with what and where.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { SEEDED_TITLE, storageStatePath, type AccountName } from "./accounts";
import { createDocumentAs, openDocumentAs, publishThroughApi } from "./newDocument";
import { editorOf } from "./seededDocument";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const report = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1).join(" ").trim()}`)
        .join("\n"),
  );
  expect(report, `${label}: WCAG 2.1 AA violations`).toEqual([]);
}

async function signedIn(browser: Browser, account: AccountName): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(account), viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

test.describe.configure({ timeout: 240_000 });

test("point 9: every signed-in page passes axe-core's WCAG 2.1 AA rules", async ({ browser }) => {
  const maria = await signedIn(browser, "editor");
  await maria.goto("/");
  await expect(maria.getByRole("link", { name: SEEDED_TITLE })).toBeVisible();
  await expectNoViolations(maria, "dashboard (/)");

  await maria.getByRole("link", { name: SEEDED_TITLE }).click();
  await expect(maria.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 30_000 });
  await expect(editorOf(maria)).toContainText("Dolmabahçe", { timeout: 30_000 });
  const documentPath = new URL(maria.url()).pathname;
  await expectNoViolations(maria, "editor with the review sidebar");

  await maria.getByRole("button", { name: "Share" }).click();
  await expect(maria.getByRole("dialog")).toBeVisible();
  await expectNoViolations(maria, "share dialog");
  await maria.keyboard.press("Escape");
  await expect(maria.getByRole("dialog")).toHaveCount(0);

  await maria.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Activity" }).click();
  await expect(maria.getByRole("dialog")).toBeVisible();
  await expectNoViolations(maria, "the document's Activity dialog");
  await maria.keyboard.press("Escape");

  // The version history, comparing the first version with the current text.
  await maria.goto(`${documentPath}/history?version=1&compare=current`);
  await expect(maria.locator("main")).toBeVisible();
  await expectNoViolations(maria, "history (comparison)");

  for (const path of ["/audit", "/settings", "/documents/00000000-0000-4000-8000-000000000000"]) {
    await maria.goto(path);
    await expect(maria.locator("main")).toBeVisible();
    await expectNoViolations(maria, path);
  }

  // An analyst's view of the same pages differs (no Activity, the audit page's refusal).
  const ayse = await signedIn(browser, "analyst1");
  await ayse.goto("/audit");
  await expect(ayse.getByText("Only editors can see the newsroom audit log.")).toBeVisible();
  await expectNoViolations(ayse, "/audit as an analyst");
  await ayse.context().close();
  await maria.context().close();
});

test("point 9: every public page passes axe-core's WCAG 2.1 AA rules", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const { page: ayse, documentId } = await createDocumentAs(browser, "analyst1", `Accessible ${stamp}`, "Talks resume in Geneva on Monday.");
  const maria = await openDocumentAs(browser, "editor", documentId);
  const { slug } = await publishThroughApi(ayse, maria, documentId, `Accessible ${stamp}`);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/signin");
  await expectNoViolations(reader, "/signin");
  for (const path of ["/p", `/p/${slug}`, `/p/${slug}/v/1`, `/p/missing-${stamp}`]) {
    await reader.goto(path);
    await expectNoViolations(reader, path);
  }
  const unpublished = await maria.request.post(`/api/documents/${documentId}/transitions`, {
    data: { action: "unpublish", note: "Checking accessibility", readerNote: "Withdrawn while we check a figure." },
  });
  expect(unpublished.status()).toBe(200);
  expect((await reader.goto(`/p/${slug}`))!.status()).toBe(410);
  await expectNoViolations(reader, "410 page");
  for (const page of [ayse, maria, reader]) await page.context().close();
});
