// Signing in and out, and the dashboard: list, create, rename.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, SEEDED_TITLE, storageStatePath } from "./accounts";

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ACCOUNTS.analyst1.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ACCOUNTS.analyst2.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${ACCOUNTS.analyst2.name}`);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test.describe("dashboard", () => {
  test.use({ storageState: storageStatePath("analyst1") });

  test("lists the seeded analysis with its status, and creates and renames a document", async ({ page }) => {
    await page.goto("/");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: SEEDED_TITLE }) });
    await expect(row).toContainText("Draft");

    const title = `Black Sea grain corridor ${Date.now().toString(36)}`;
    await page.getByLabel("New document").fill(title);
    await page.getByRole("button", { name: "Create document" }).click();
    await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("textbox", { name: "Document title" })).toHaveValue(title);
    await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();

    // Type a first line, then rename.
    const body = page.getByRole("textbox", { name: /document body/ });
    await body.click();
    await page.keyboard.type("First line of the new piece.");
    const renamed = `${title} (renamed)`;
    await page.getByRole("textbox", { name: "Document title" }).fill(renamed);
    await page.keyboard.press("Enter");
    await expect(page.getByText("Title saved")).toBeVisible();

    await page.getByRole("link", { name: "← All documents" }).click();
    await expect(page.getByRole("link", { name: renamed })).toBeVisible();
    await page.getByRole("link", { name: renamed }).click();
    await expect(body).toContainText("First line of the new piece.");
  });

  test("a title typed while the dashboard's script is still loading is kept", async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/chunks/**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/", { waitUntil: "commit" });
    await page.getByLabel("New document").fill("Typed before the script ran");
    release();
    await expect(page.getByRole("button", { name: "Create document" })).toBeEnabled();
    await page.getByRole("button", { name: "Create document" }).click();
    await expect(page.getByRole("textbox", { name: "Document title" })).toHaveValue("Typed before the script ran");
  });
});
