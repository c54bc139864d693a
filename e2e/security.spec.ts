// Issue 10 ("Ready for the open internet"): the holes found by trying to break
// in, checked against the real server as a browser or an attacker sees it.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./accounts";

test.describe("after signing in", () => {
  test.use({ storageState: storageStatePath("analyst1") });

  test("the return path never leaves the site (hole 5, open redirect)", async ({ page, baseURL }) => {
    for (const callbackUrl of ["/%5Cevil.example/x", "//evil.example/x", "https://evil.example/", "/%09/evil.example"]) {
      await page.goto(`/signin?callbackUrl=${callbackUrl}`);
      await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    }
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/?from=signin")}`);
    await expect(page).toHaveURL(/\/\?from=signin$/);
  });
});
