// Signs each demo account in once through the real sign-in page and saves
// its session for the specs.
import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStatePath, type AccountName } from "./accounts";

for (const account of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email").fill(ACCOUNTS[account].email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(`Signed in as ${ACCOUNTS[account].name}`);
    await page.context().storageState({ path: storageStatePath(account) });
  });
}
