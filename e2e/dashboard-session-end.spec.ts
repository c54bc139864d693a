// The dashboard's live channel ends with its session: signed out in another
// tab (same session), the open dashboard is told at once — the server closes
// its /live/newsroom socket with 4401 — instead of staying "Live" for a session
// that no longer exists.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./accounts";

test("signing out closes the open dashboard's live channel: it says Signed out", async ({ browser }) => {
  // A session of its own (not the saved one other specs use), signed in through the page.
  const first = await browser.newContext();
  const dashboard = await first.newPage();
  await dashboard.goto("/signin");
  await dashboard.getByLabel("Email").fill(ACCOUNTS.analyst2.email);
  await dashboard.getByLabel("Password").fill(DEMO_PASSWORD);
  await dashboard.getByRole("button", { name: "Sign in" }).click();
  await expect(dashboard.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 30_000 });

  // The same session in another tab signs out: the session row is revoked.
  const second = await browser.newContext();
  await second.addCookies(await first.cookies());
  const otherTab = await second.newPage();
  await otherTab.goto("/");
  await otherTab.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(otherTab).toHaveURL(/\/signin/);
  const signedOutAt = Date.now();

  const status = dashboard.getByRole("status").filter({ hasText: "Signed out" });
  await expect(status).toBeVisible({ timeout: 3_000 });
  test.info().annotations.push({ type: "timing", description: `sign-out → dashboard told: ${Date.now() - signedOutAt} ms` });
  await expect(status.getByRole("link", { name: "sign in again" })).toHaveAttribute("href", "/signin");
  await first.close();
  await second.close();
});
