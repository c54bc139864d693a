// The public/ folder: favicon, app icons, web app manifest and robots.txt,
// served without a session.
import { expect, test } from "@playwright/test";

test("robots.txt keeps crawlers out of drafts and the API, and lets them read published pieces", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n");
  for (const rule of ["User-agent: *", "Disallow: /documents/", "Disallow: /api/", "Allow: /p", "Allow: /feed.xml"]) expect(lines).toContain(rule);
});

test("the favicon, icons and manifest are served, and the app's pages link them", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  // An ICO file: reserved 0, type 1 (icon).
  expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  for (const [path, type] of <[string, string][]>[["/icon.svg", "image/svg+xml"], ["/icon-192.png", "image/png"], ["/icon-512.png", "image/png"], ["/apple-touch-icon.png", "image/png"]]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { name: string; icons: { src: string }[] };
  expect(manifest.name).toBe("Newsroom");
  expect(manifest.icons.map((icon) => icon.src)).toContain("/icon-512.png");

  await page.goto("/signin");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});
