// Every route handler under app/api, found on the file system (so a new route
// is checked the day it is added): without a session it answers 401; a write
// from another site's page (foreign Origin) is refused with 403 even with a
// valid session; and on a document someone cannot open, every read answers
// 404. Public routes are listed here, on purpose, with the reason.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStatePath } from "./accounts";

const API_DIR = path.resolve(import.meta.dirname, "../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** Routes anyone may call: health for load balancers; next-auth's own sign-in endpoints. */
const PUBLIC = new Set(["/api/health", "/api/auth/[...nextauth]"]);

type Route = { pattern: string; methods: Method[] };

function findRoutes(dir = API_DIR): Route[] {
  const routes: Route[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...findRoutes(full));
    else if (entry.name === "route.ts") {
      const source = fs.readFileSync(full, "utf8");
      const methods = METHODS.filter((method) => new RegExp(`export (const|async function) ${method}\\b|as ${method}\\b`).test(source));
      routes.push({ pattern: `/api/${path.relative(API_DIR, dir).split(path.sep).join("/")}`, methods });
    }
  }
  return routes;
}

const ROUTES = findRoutes();
const FAKE_ID = "00000000-0000-4000-8000-000000000000";

/** Valid query strings for the routes that need one (validated before the document is looked up). */
const QUERIES: Record<string, string> = {
  "/api/documents/[id]/export": "?format=markdown",
  "/api/documents/[id]/versions/compare": "?from=1&to=current",
};

function urlFor(pattern: string, documentId: string): string {
  return pattern.replace("[id]", documentId).replace("[number]", "1").replace(/\[[a-zA-Z]+\]/g, FAKE_ID) + (QUERIES[pattern] ?? "");
}

const send = (request: APIRequestContext, method: Method, url: string, headers: Record<string, string> = {}) =>
  request.fetch(url, { method, headers: { "content-type": "application/json", ...headers }, data: method === "GET" || method === "DELETE" ? undefined : "{}" });

test("the route list is found and covers the API", () => {
  expect(ROUTES.length).toBeGreaterThan(20);
  expect(ROUTES.every((route) => route.methods.length > 0)).toBe(true);
});

test("every non-public route answers 401 without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const failures: string[] = [];
  for (const route of ROUTES.filter((candidate) => !PUBLIC.has(candidate.pattern))) {
    for (const method of route.methods) {
      const status = (await send(anonymous, method, urlFor(route.pattern, FAKE_ID))).status();
      if (status !== 401) failures.push(`${method} ${route.pattern}: ${status}`);
    }
  }
  expect(failures).toEqual([]);
  await anonymous.dispose();
});

test.describe("signed in", () => {
  test.use({ storageState: storageStatePath("analyst1") });

  test("every write from another site's page is refused with 403, whatever the route", async ({ request, baseURL }) => {
    const failures: string[] = [];
    for (const route of ROUTES) {
      for (const method of route.methods.filter((candidate) => candidate !== "GET")) {
        const response = await send(request, method, urlFor(route.pattern, FAKE_ID), { origin: "http://evil.example" });
        if (response.status() !== 403) failures.push(`${method} ${route.pattern}: ${response.status()}`);
      }
    }
    expect(failures).toEqual([]);
    // The same write from this site's own pages gets past the check (here: a 404 for a missing document).
    const own = await request.patch(`/api/documents/${FAKE_ID}`, { data: { title: "Renamed" }, headers: { origin: new URL(baseURL!).origin } });
    expect(own.status()).toBe(404);
  });

  test("every read of a document one cannot open answers 404", async ({ request, playwright, baseURL }) => {
    // A document of analyst2's that analyst1 is not a member of.
    const owner = await playwright.request.newContext({ baseURL, storageState: storageStatePath("analyst2") });
    const created = await owner.post("/api/documents", { data: { title: `Not shared ${Date.now().toString(36)}` } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const failures: string[] = [];
    for (const route of ROUTES.filter((candidate) => candidate.pattern.startsWith("/api/documents/[id]"))) {
      if (!route.methods.includes("GET")) continue;
      const status = (await send(request, "GET", urlFor(route.pattern, id))).status();
      if (status !== 404) failures.push(`GET ${route.pattern}: ${status}`);
    }
    expect(failures).toEqual([]);
    await owner.dispose();
  });
});
