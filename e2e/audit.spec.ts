// The newsroom Activity page and GET /api/audit: editors only, validated
// queries, readable entries with the document, filters and "Load more".
// Self-contained: it works on a document it creates, whatever ran before.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "./accounts";

test("analysts and viewers get no Activity link, a clear page, and 403 from the API", async ({ browser }) => {
  for (const account of ["analyst1", "viewer"] as const) {
    const context = await browser.newContext({ storageState: storageStatePath(account) });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" })).toHaveCount(0);
    await page.goto("/audit");
    await expect(page.getByText("Only editors can see the newsroom audit log.")).toBeVisible();
    await expect(page.getByRole("list", { name: /Newsroom activity/ })).toHaveCount(0);
    const response = await context.request.get("/api/audit");
    expect(response.status(), account).toBe(403);
    expect(await response.json()).toEqual({ error: "Only newsroom editors can read the newsroom audit log" });
    await context.close();
  }
});

test.describe("as the editor", () => {
  test.use({ storageState: storageStatePath("editor") });

  test("the API refuses malformed queries with 422 and a message saying what is expected", async ({ request }) => {
    const cases: [string, RegExp][] = [
      ["limit=0", /limit must be a whole number from 1 to 200/],
      ["limit=201", /limit must be a whole number from 1 to 200/],
      ["limit=many", /limit must be a whole number from 1 to 200/],
      ["before=yesterday", /before must be an audit event id or an ISO 8601 time/],
      ["before=3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c", /names no audit event/],
      ["documentId=42", /documentId must be a document id/],
      ["action=DROP%20TABLE", /action must be an audit action name/],
      ["colour=red", /Unrecognized key/i],
    ];
    for (const [query, error] of cases) {
      const response = await request.get(`/api/audit?${query}`);
      expect(response.status(), query).toBe(422);
      expect(((await response.json()) as { error: string }).error, query).toMatch(error);
    }
    const ok = await request.get("/api/audit?limit=1&before=2999-01-01T00:00:00Z");
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as { events: unknown[] }).events.length).toBeLessThanOrEqual(1);
  });

  test("sharing a document shows on the Activity page with the document; filters and Load more work", async ({ page, request }) => {
    const title = `Activity check ${Date.now().toString(36)}`;
    const { id } = (await (await request.post("/api/documents", { data: { title } })).json()) as { id: string };
    const { users } = (await (await request.get("/api/users")).json()) as { users: { id: string; name: string }[] };
    const daniel = users.find((user) => user.name === ACCOUNTS.analyst2.name)!;
    // 51 role changes on this document: one more than a page.
    for (let i = 0; i < 51; i++) {
      const role = i % 2 === 0 ? "commenter" : "suggester";
      expect((await request.put(`/api/documents/${id}/members/${daniel.id}`, { data: { role } })).status()).toBe(200);
    }

    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    const entries = page.getByRole("list", { name: /Newsroom activity/ }).getByRole("listitem");
    const latest = entries.first();
    await expect(latest).toContainText(`${ACCOUNTS.editor.name} set ${ACCOUNTS.analyst2.name}'s role to commenter`);
    await expect(latest.getByRole("link", { name: title })).toHaveAttribute("href", `/documents/${id}`);
    await expect(latest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(latest.locator("time")).toHaveAttribute("title", /\d{4}/);

    // This document only: a full page, then the one older event.
    await page.getByLabel("Document").selectOption({ label: title });
    await expect(page).toHaveURL(new RegExp(`documentId=${id}`));
    await expect(entries).toHaveCount(50);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(entries).toHaveCount(51);
    await expect(entries.last()).toContainText(`${ACCOUNTS.editor.name} set ${ACCOUNTS.analyst2.name}'s role to commenter`);
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "All 51 events" })).toBeVisible();

    // The filters are in the address: a reload keeps them.
    await page.getByLabel("What").selectOption({ label: "Approved" });
    await expect(page.getByText("No activity matches these filters.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("What")).toHaveValue("approve");
    await expect(page.getByText("No activity matches these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(latest).toContainText(title);
  });
});
