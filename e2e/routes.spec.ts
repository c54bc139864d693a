// Every route handler under app/api, found on the file system (so a new route
// is checked the day it is added): without a session it answers 401; a write
// from another site's page (foreign Origin) is refused with 403 even with a
// valid session; on a document someone cannot open, every read answers 404;
// and every write, sent well-formed by someone whose role is too low for it,
// answers 403. Public and self-service routes are listed here, on purpose,
// with the reason.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import * as Y from "yjs";
import { ACCOUNTS, storageStatePath } from "./accounts";

const API_DIR = path.resolve(import.meta.dirname, "../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Routes without a session: health for load balancers; next-auth's own sign-in
 * endpoints; metrics, which have their own bearer token (METRICS_TOKEN; 404
 * when it is not set, 401 without it — test/integration/metrics.test.ts).
 */
const PUBLIC = new Set(["/api/health", "/api/auth/[...nextauth]", "/api/metrics"]);

/**
 * Writes every signed-in person may make, to things that are only their own:
 * marking their notifications read, ending their own sessions, their own email
 * preference. No role is too low for them.
 */
const SELF_SERVICE = new Set(["POST /api/notifications/read", "DELETE /api/sessions", "PATCH /api/settings"]);

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

/**
 * A well-formed body for each write (bodies are validated before the role is
 * checked, so an empty one would answer 422 and hide a missing check). A new
 * write route fails the wrong-role test until it is given a body here.
 */
function writeBodies(anchor: { start: string; end: string }): Record<string, unknown> {
  return {
    "POST /api/documents": { title: "Not allowed" },
    "POST /api/documents/import": { format: "markdown", content: "# Not allowed" },
    "PATCH /api/documents/[id]": { title: "Renamed by a viewer" },
    "POST /api/documents/[id]/media": "not an image: the role is checked before the bytes are read as one",
    "PUT /api/documents/[id]/members/[userId]": { role: "viewer" },
    "DELETE /api/documents/[id]/members/[userId]": undefined,
    "POST /api/documents/[id]/threads": { anchor, quote: "q", body: "A viewer's thread" },
    "PATCH /api/documents/[id]/threads/[threadId]": { status: "resolved" },
    "POST /api/documents/[id]/threads/[threadId]/comments": { body: "A viewer's reply" },
    "PATCH /api/documents/[id]/threads/[threadId]/comments/[commentId]": { body: "Edited by a viewer" },
    "DELETE /api/documents/[id]/threads/[threadId]/comments/[commentId]": undefined,
    "POST /api/documents/[id]/transitions": { action: "submit" },
    "POST /api/documents/[id]/versions": { name: "Sent to legal" },
    "POST /api/documents/[id]/versions/[number]/restore": undefined,
  };
}

test.describe("signed in with a role too low", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("every write answers 403 to a newsroom viewer who is a viewer of the document", async ({ request, playwright, baseURL }) => {
    // analyst2 owns a document with a thread, a comment and a named version, and shares it with the viewer, read-only.
    const owner = await playwright.request.newContext({ baseURL, storageState: storageStatePath("analyst2") });
    const created = await owner.post("/api/documents", { data: { title: `Read-only for the viewer ${Date.now().toString(36)}` } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { users } = (await (await owner.get("/api/users")).json()) as { users: { id: string; name: string }[] };
    const idOf = (name: string) => users.find((user) => user.name === name)!.id;
    expect((await owner.put(`/api/documents/${id}/members/${idOf(ACCOUNTS.viewer.name)}`, { data: { role: "viewer" } })).status()).toBe(200);
    const position = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment("default"), 0))).toString("base64");
    const anchor = { start: position, end: position };
    const thread = await owner.post(`/api/documents/${id}/threads`, { data: { anchor, quote: "q", body: "The owner's thread" } });
    expect(thread.status()).toBe(201);
    const { id: threadId, comments } = (await thread.json()) as { id: string; comments: { id: string }[] };
    const version = await owner.post(`/api/documents/${id}/versions`, { data: { name: "First draft" } });
    expect(version.status()).toBe(201);
    const { number } = (await version.json()) as { number: number };
    // The viewer can read it (so a 403 below is the role check, not a 404 for a document out of reach).
    expect((await request.get(`/api/documents/${id}`)).status()).toBe(200);

    const values: Record<string, string> = { id, userId: idOf(ACCOUNTS.analyst2.name), threadId, commentId: comments[0]!.id, number: String(number) };
    const bodies = writeBodies(anchor);
    const failures: string[] = [];
    for (const route of ROUTES.filter((candidate) => !PUBLIC.has(candidate.pattern))) {
      for (const method of route.methods.filter((candidate) => candidate !== "GET")) {
        const key = `${method} ${route.pattern}`;
        if (SELF_SERVICE.has(key)) continue;
        if (!(key in bodies)) {
          failures.push(`${key}: no well-formed body in writeBodies() — add one, and a role check to the route`);
          continue;
        }
        const url = route.pattern.replace(/\[([a-zA-Z]+)\]/g, (_, name: string) => values[name] ?? `<no value for ${name}>`);
        const body = bodies[key];
        const response = await request.fetch(url, {
          method,
          headers: { "content-type": typeof body === "string" ? "application/octet-stream" : "application/json" },
          data: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        });
        if (response.status() !== 403) failures.push(`${key}: ${response.status()} ${(await response.text()).slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // Nothing was changed by the refused writes.
    const after = (await (await owner.get(`/api/documents/${id}`)).json()) as { title: string };
    expect(after.title).toMatch(/^Read-only for the viewer/);
    await owner.dispose();
  });
});
