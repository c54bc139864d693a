// The HTTP API with session-cookie auth, against the real server.
import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import { SEEDED_TITLE, storageStatePath } from "./accounts";

test.describe("documents API", () => {
  test("health answers only when the database does", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    // One node alone (no REDIS_URL); several nodes add their id and how many others they hear.
    expect(await response.json()).toEqual({ status: "ok", mode: "single" });
  });

  test("refuses requests without a session", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const list = await anonymous.get("/api/documents");
    expect(list.status()).toBe(401);
    expect(await list.json()).toEqual({ error: "Sign in required" });
    expect((await anonymous.post("/api/documents", { data: { title: "x" } })).status()).toBe(401);
    await anonymous.dispose();
  });

  test.describe("as an analyst", () => {
    test.use({ storageState: storageStatePath("analyst1") });

    test("lists, creates, reads and renames documents", async ({ request }) => {
      const list = await request.get("/api/documents");
      expect(list.status()).toBe(200);
      const { documents } = (await list.json()) as { documents: { id: string; title: string; status: string; editingNow: unknown[] }[] };
      expect(documents.map((document) => document.title)).toContain(SEEDED_TITLE);
      expect(documents[0]).toMatchObject({ status: expect.any(String), editingNow: expect.any(Array) });

      const created = await request.post("/api/documents", { data: { title: "  Antalya: what NATO ministers discussed  " } });
      expect(created.status()).toBe(201);
      const document = (await created.json()) as { id: string; title: string; role: string; status: string };
      expect(document).toMatchObject({ title: "Antalya: what NATO ministers discussed", role: "editor", status: "draft" });
      expect(created.headers()["location"]).toBe(`/api/documents/${document.id}`);

      const read = await request.get(`/api/documents/${document.id}`);
      expect(read.status()).toBe(200);
      expect(await read.json()).toMatchObject({ id: document.id, title: "Antalya: what NATO ministers discussed" });

      const renamed = await request.patch(`/api/documents/${document.id}`, { data: { title: "Antalya, then Istanbul" } });
      expect(renamed.status()).toBe(200);
      expect(await renamed.json()).toMatchObject({ id: document.id, title: "Antalya, then Istanbul" });
      expect(await (await request.get(`/api/documents/${document.id}`)).json()).toMatchObject({ title: "Antalya, then Istanbul" });
    });

    test("rejects bad input with a clear error and changes nothing", async ({ request }) => {
      const before = ((await (await request.get("/api/documents")).json()) as { documents: unknown[] }).documents.length;
      const cases: { data: unknown; status: number; error: RegExp; headers?: Record<string, string> }[] = [
        { data: { title: "" }, status: 422, error: /must not be empty/ },
        { data: { title: "x".repeat(201) }, status: 422, error: /at most 200/ },
        { data: { title: "ok", extra: true }, status: 422, error: /Unrecognized key/i },
        { data: { name: "no title" }, status: 422, error: /.+/ },
        { data: Buffer.from("{not json"), status: 400, error: /not valid JSON/, headers: { "content-type": "application/json" } },
        { data: Buffer.from("title=x"), status: 415, error: /Content-Type: application\/json/, headers: { "content-type": "application/x-www-form-urlencoded" } },
        { data: { title: "y".repeat(70_000) }, status: 413, error: /exceeds/ },
      ];
      for (const { data, status, error, headers } of cases) {
        const response = await request.post("/api/documents", { data: data as string | Buffer, headers });
        expect(response.status(), String(error)).toBe(status);
        expect(((await response.json()) as { error: string }).error).toMatch(error);
      }
      const after = ((await (await request.get("/api/documents")).json()) as { documents: unknown[] }).documents.length;
      expect(after).toBe(before);
    });

    test("answers 404 for documents that do not exist or are not theirs", async ({ request, playwright, baseURL }) => {
      expect((await request.get("/api/documents/not-a-uuid")).status()).toBe(404);
      expect((await request.get("/api/documents/3f0b5d0e-6c1a-4f7e-9a57-5d6e1f2a3b4c")).status()).toBe(404);

      // A document analyst1 creates is invisible to analyst2 (not a member).
      const { id } = (await (await request.post("/api/documents", { data: { title: "Private draft" } })).json()) as { id: string };
      const other = await playwright.request.newContext({ baseURL, storageState: storageStatePath("analyst2") });
      expect((await other.get(`/api/documents/${id}`)).status()).toBe(404);
      expect((await other.patch(`/api/documents/${id}`, { data: { title: "Hijacked" } })).status()).toBe(404);
      const titles = ((await (await other.get("/api/documents")).json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
      expect(titles).not.toContain(id);
      await other.dispose();
    });
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: storageStatePath("viewer") });

    test("can read but not create or rename", async ({ request }) => {
      const { documents } = (await (await request.get("/api/documents")).json()) as { documents: { id: string; role: string }[] };
      const seeded = documents[0]!;
      expect(seeded.role).toBe("viewer");
      const create = await request.post("/api/documents", { data: { title: "Nope" } });
      expect(create.status()).toBe(403);
      const rename = await request.patch(`/api/documents/${seeded.id}`, { data: { title: "Nope" } });
      expect(rename.status()).toBe(403);
    });
  });
});

test.describe("review API permissions", () => {
  test.use({ storageState: storageStatePath("analyst1") });

  test("a non-member gets 404 on every review route; authorship comes from the session", async ({ request, playwright, baseURL }) => {
    const { id } = (await (await request.post("/api/documents", { data: { title: "Review permissions" } })).json()) as { id: string };
    // A real encoded Yjs relative position, as the editor sends.
    const position = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment("default"), 0))).toString("base64");
    const anchor = { start: position, end: position };
    const created = await request.post(`/api/documents/${id}/threads`, { data: { anchor, quote: "q", body: "first" } });
    expect(created.status()).toBe(201);
    const thread = (await created.json()) as { id: string; author: { name: string }; comments: { id: string }[] };
    expect(thread.author.name).toBe("Ayşe Demir");

    // The client cannot claim another author: unknown fields are refused.
    const forged = await request.post(`/api/documents/${id}/threads`, { data: { anchor, quote: "q", body: "x", authorId: thread.id } });
    expect(forged.status()).toBe(422);

    const outsider = await playwright.request.newContext({ baseURL, storageState: storageStatePath("analyst2") });
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/documents/${id}/threads`],
      ["POST", `/api/documents/${id}/threads`, { anchor, quote: "q", body: "x" }],
      ["POST", `/api/documents/${id}/threads/${thread.id}/comments`, { body: "x" }],
      ["PATCH", `/api/documents/${id}/threads/${thread.id}`, { status: "resolved" }],
      ["PATCH", `/api/documents/${id}/threads/${thread.id}/comments/${thread.comments[0]!.id}`, { body: "x" }],
      ["DELETE", `/api/documents/${id}/threads/${thread.id}/comments/${thread.comments[0]!.id}`],
      ["GET", `/api/documents/${id}/members`],
      ["PUT", `/api/documents/${id}/members/${thread.id}`, { role: "editor" }],
    ];
    for (const [method, url, data] of routes) {
      const response = await outsider.fetch(url, { method, data: data as object | undefined });
      expect(response.status(), `${method} ${url}`).toBe(404);
    }
    await outsider.dispose();
    expect(((await (await request.get(`/api/documents/${id}/threads`)).json()) as { threads: unknown[] }).threads).toHaveLength(1);
  });
});

test.describe("history API", () => {
  test.use({ storageState: storageStatePath("analyst1") });

  test("names, lists, opens and compares versions; validates input; viewers may not restore", async ({ request, playwright, baseURL }) => {
    const created = await request.post("/api/documents", { data: { title: "History API check" } });
    const { id } = (await created.json()) as { id: string };

    const named = await request.post(`/api/documents/${id}/versions`, { data: { name: "  Sent to legal  " } });
    expect(named.status()).toBe(201);
    expect(await named.json()).toMatchObject({ number: 1, kind: "named", name: "Sent to legal" });
    expect((await request.post(`/api/documents/${id}/versions`, { data: { name: "   " } })).status()).toBe(422);
    expect((await request.post(`/api/documents/${id}/versions`, { data: { name: "x".repeat(121) } })).status()).toBe(422);

    const list = (await (await request.get(`/api/documents/${id}/versions`)).json()) as { versions: { number: number }[] };
    expect(list.versions.map((version) => version.number)).toEqual([1]);
    expect((await request.get(`/api/documents/${id}/versions/1`)).status()).toBe(200);
    expect((await request.get(`/api/documents/${id}/versions/2`)).status()).toBe(404);
    expect((await request.get(`/api/documents/${id}/versions/abc`)).status()).toBe(404);

    const compared = await request.get(`/api/documents/${id}/versions/compare?from=1&to=current`);
    expect(compared.status()).toBe(200);
    expect(await compared.json()).toMatchObject({ from: 1, to: "current", insertions: 0, deletions: 0 });
    expect((await request.get(`/api/documents/${id}/versions/compare?from=yesterday`)).status()).toBe(422);
    expect((await request.get(`/api/documents/${id}/authorship`)).status()).toBe(200);

    // The seeded analysis: the viewer reads its history but may not restore.
    const { documents } = (await (await request.get("/api/documents")).json()) as { documents: { id: string; title: string }[] };
    const seeded = documents.find((document) => document.title === SEEDED_TITLE)!;
    await request.post(`/api/documents/${seeded.id}/versions`, { data: { name: "Before the viewer looks" } });
    const viewer = await playwright.request.newContext({ baseURL, storageState: storageStatePath("viewer") });
    const versions = (await (await viewer.get(`/api/documents/${seeded.id}/versions`)).json()) as { versions: { number: number }[] };
    expect(versions.versions.length).toBeGreaterThan(0);
    expect((await viewer.post(`/api/documents/${seeded.id}/versions/${versions.versions[0]!.number}/restore`)).status()).toBe(403);
    expect((await viewer.post(`/api/documents/${seeded.id}/versions`, { data: { name: "Mine" } })).status()).toBe(403);
    // A document the viewer is not a member of does not exist for them.
    expect((await viewer.get(`/api/documents/${id}/versions`)).status()).toBe(404);
    await viewer.dispose();
  });
});
