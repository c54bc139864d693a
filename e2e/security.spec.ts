// Issue 10 ("Ready for the open internet"): the holes found by trying to break
// in, checked against the real server as a browser or an attacker sees it.
import { expect, test } from "@playwright/test";
import WebSocket from "ws";
import { ACCOUNTS, DEMO_PASSWORD, storageStatePath } from "./accounts";

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

/** A credential sign-in as the sign-in page makes it, from a request context of its own. */
async function postSignIn(request: import("@playwright/test").APIRequestContext, email: string, password: string, encoding: "form" | "json" = "form") {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const fields = { email, password, csrfToken, callbackUrl: "/", json: "true" };
  return request.post("/api/auth/callback/credentials", encoding === "form" ? { form: fields } : { data: fields });
}

test.describe("sign-in throttling (hole 3)", () => {
  test("after a few wrong passwords the account is throttled: 429 with Retry-After, even for the right password, and the page says how long to wait", async ({ page, playwright, baseURL }) => {
    // The viewer account: no later spec signs it in through the page (they use saved sessions).
    await page.goto("/signin");
    await page.getByLabel("Email").fill(ACCOUNTS.viewer.email);
    const message = page.locator("#signin-error");
    const submit = async (password: string) => {
      await page.getByLabel("Password").fill(password);
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: "Sign in" }).click();
      return (await answered).status();
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await submit(`wrong-password-${attempt}`)).toBe(401);
      await expect(message).toContainText("don't match an account");
    }
    expect(await submit("wrong-password-6")).toBe(429);
    await expect(message).toHaveText(/^Too many sign-in attempts\. Try again in (1 minute|\d+ seconds)\.$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath("signin-throttled.png") });

    const api = await playwright.request.newContext({ baseURL });
    const right = await postSignIn(api, ACCOUNTS.viewer.email, DEMO_PASSWORD);
    expect(right.status()).toBe(429);
    expect(Number(right.headers()["retry-after"])).toBeGreaterThan(0);
    expect(right.headers()["set-cookie"] ?? "").not.toContain("session-token");
    await api.dispose();
  });

  test("an email without an account is throttled the same way (no user enumeration), however the body is encoded", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const email = attempt % 2 === 0 ? "nobody-here@newsroom.test" : " Nobody-Here@newsroom.test";
      statuses.push((await postSignIn(api, email, "wrong-password", attempt % 2 === 0 ? "form" : "json")).status());
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    await api.dispose();
  });

  test("bodies of /api/auth/* are bounded before next-auth reads them", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const response = await api.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: `email=a%40b.c&password=${"x".repeat(8 * 1024 * 1024)}`,
    });
    expect(response.status()).toBe(413);
    await api.dispose();
  });
});

test.describe("revocable sessions (hole 4)", () => {
  test("signing out ends the session on the server: its cookie gets 401 and its socket closes with 4401", async ({ page, baseURL }) => {
    // A session of its own (signing out must not end the saved sessions other specs use).
    await page.goto("/signin");
    await page.getByLabel("Email").fill(ACCOUNTS.analyst2.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("banner")).toContainText(`Signed in as ${ACCOUNTS.analyst2.name}`);
    const cookie = (await page.context().cookies()).find((entry) => entry.name.endsWith("next-auth.session-token"))!;
    const cookieHeader = `${cookie.name}=${cookie.value}`;
    const origin = new URL(baseURL!).origin;

    const { documents } = (await (await page.request.get("/api/documents")).json()) as { documents: { id: string }[] };
    const socket = new WebSocket(`${origin.replace(/^http/, "ws")}/collab/${documents[0]!.id}`, { headers: { cookie: cookieHeader, origin } });
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(await closed).toBe(4401);

    // The old cookie, replayed by hand, no longer signs anyone in.
    const replay = await fetch(`${origin}/api/documents`, { headers: { cookie: cookieHeader } });
    expect(replay.status).toBe(401);
  });
});

test.describe("security headers", () => {
  test.use({ storageState: storageStatePath("analyst1") });

  test("app pages carry a nonce-based CSP whose nonce is on the page's scripts, and the page still runs", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/");
    await page.screenshot({ path: test.info().outputPath("dashboard.png") });
    const policy = response!.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response!.headers()["permissions-policy"]).toContain("camera=()");
    const scripts = page.locator("script[src]");
    expect(await scripts.count()).toBeGreaterThan(0);
    for (const script of await scripts.all()) expect(await script.evaluate((element) => (element as HTMLScriptElement).nonce)).toBe(nonce);
    // Hydrated: a client-side control works (creating a document navigates to the editor).
    await page.getByLabel("New document").fill(`CSP check ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create document" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("published pages allow no script, and the API is never cached", async ({ request }) => {
    const article = await request.get("/p/no-such-article");
    expect(article.headers()["content-security-policy"]).toContain("script-src 'none'");
    const api = await request.get("/api/documents");
    expect(api.status()).toBe(200);
    expect(api.headers()["cache-control"]).toContain("no-store");
    expect(api.headers()["strict-transport-security"]).toBeUndefined();
  });
});
