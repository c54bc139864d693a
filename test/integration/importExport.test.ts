// Import and export through the same functions the routes call (the route
// adds only the session): real PostgreSQL, real requests and bodies, real
// y-websocket clients.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { MAX_IMPORT_BYTES, MAX_IMPORT_REQUEST_BYTES } from "../../lib/limits";
import { errorResponse } from "../../server/api/routeHandler";
import { getPrisma } from "../../server/db/prisma";
import { exportResponse } from "../../server/importExport/exportResponse";
import { importResponse } from "../../server/importExport/importResponse";
import { listDocumentAudit } from "../../server/workflow/audit";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type User = Awaited<ReturnType<typeof createTestUser>>;

const ARTICLE = `# Istanbul talks

The delegations met at **Dolmabahçe** for *under two hours*, says [the ministry](https://example.org/statement).

## The setting

- Türkiye hosted
- On the table:
  - prisoners
  - a ceasefire

> Key takeaway: the talks resumed.
`;

const URL_BASE = "http://localhost/api/documents/import";

// What the route answers: the handler's response, or its error mapped as withSessionUser maps it.
const importAs = (user: User, request: Request) => importResponse(user, request).catch(errorResponse);
const exportAs = (user: User, documentId: string, format: string | null) => exportResponse(user, documentId, format).catch(errorResponse);

const jsonImport = (body: unknown) => new Request(URL_BASE, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

function fileImport(name: string, content: string | Uint8Array<ArrayBuffer>, type = "", title?: string) {
  const form = new FormData();
  form.append("file", new File([content], name, { type }));
  if (title !== undefined) form.append("title", title);
  return new Request(URL_BASE, { method: "POST", body: form });
}

async function createdId(response: Response): Promise<string> {
  const body = (await response.json()) as { id?: string; error?: string };
  expect(response.status, body.error).toBe(201);
  expect(response.headers.get("location")).toBe(`/api/documents/${body.id}`);
  return body.id!;
}

const documentCount = () => getPrisma().document.count();

describe("import and export", () => {
  const harness = useTestServer();

  it("imports Markdown sent as JSON and exports the same Markdown back, with an import audit event", async () => {
    const ayse = await createTestUser("analyst", "Ayse");
    const id = await createdId(await importAs(ayse, jsonImport({ format: "markdown", content: ARTICLE })));

    const row = await getPrisma().document.findUniqueOrThrow({ where: { id }, include: { members: true } });
    expect(row.title).toBe("Istanbul talks");
    expect(row.members.map((member) => [member.userId, member.role])).toEqual([[ayse.id, "editor"]]);
    expect((await listDocumentAudit(ayse, id)).map((event) => [event.action, event.details])).toEqual([["import", { format: "markdown" }]]);

    const exported = await exportAs(ayse, id, "markdown");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="istanbul-talks.md"');
    expect(await exported.text()).toBe(ARTICLE);
  });

  it("imports a Markdown file upload, named by its title field, its heading or its file name", async () => {
    const ayse = await createTestUser("analyst");
    const byHeading = await createdId(await importAs(ayse, fileImport("talks.md", ARTICLE)));
    const byField = await createdId(await importAs(ayse, fileImport("talks.md", ARTICLE, "text/markdown", "  Antalya, then Istanbul ")));
    const byName = await createdId(await importAs(ayse, fileImport("Antalya meeting notes.txt", "First line\nsecond line\n\nNext paragraph", "text/plain")));
    const titles = await getPrisma().document.findMany({ where: { id: { in: [byHeading, byField, byName] } }, select: { id: true, title: true } });
    expect(Object.fromEntries(titles.map((row) => [row.id, row.title]))).toEqual({
      [byHeading]: "Istanbul talks",
      [byField]: "Antalya, then Istanbul",
      [byName]: "Antalya meeting notes",
    });
    // With a given title the opening heading stays in the body.
    expect(await (await exportAs(ayse, byField, "markdown")).text()).toBe(`# Antalya, then Istanbul\n\n## Istanbul talks\n\n${ARTICLE.split("\n\n").slice(1).join("\n\n")}`);
    expect(await (await exportAs(ayse, byName, "markdown")).text()).toBe("# Antalya meeting notes\n\nFirst line\\\nsecond line\n\nNext paragraph\n");
  });

  it("imports HTML safely and exports a complete, sanitized HTML document and Tiptap JSON", async () => {
    const ayse = await createTestUser("analyst");
    const html = `<html><head><title>ignored</title><script>alert(1)</script></head><body><h1>Antalya</h1><p onclick="steal()">NATO ministers <b>met</b> <a href="javascript:alert(1)">here</a> and <a href="https://example.org/nato">there</a>.</p><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><ul><li>Defence spending</li></ul></body></html>`;
    const id = await createdId(await importAs(ayse, fileImport("antalya.html", html, "text/html")));

    const page = await exportAs(ayse, id, "html");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-disposition")).toBe('attachment; filename="antalya.html"');
    const text = await page.text();
    expect(text).toMatch(/^<!doctype html>\n<html lang="en">[\s\S]*<title>Antalya<\/title>[\s\S]*<\/html>\n$/);
    expect(text).toContain('<p>NATO ministers <strong>met</strong> here and <a rel="noopener noreferrer nofollow" href="https://example.org/nato">there</a>.</p><ul><li><p>Defence spending</p></li></ul>');
    expect(text).not.toMatch(/<script|onclick|onerror|javascript:|iframe|<img/i);

    const json = await exportAs(ayse, id, "json");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="antalya.json"');
    const body = (await json.json()) as { title: string; format: string; content: { type: string; content: { type: string }[] } };
    expect(body).toMatchObject({ title: "Antalya", format: "tiptap", content: { type: "doc" } });
    expect(body.content.content.map((node) => node.type)).toEqual(["paragraph", "bulletList"]);
  });

  it("round-trips tables and related-article cards: Markdown and HTML come back as tables and cards in every export", async () => {
    const ayse = await createTestUser("analyst");
    const markdown =
      "# What each side asked for\n\n| Side | Asked for | Outcome |\n| :-- | --- | --: |\n| Ukraine | a **30-day** ceasefire | none |\n| Russia | a memorandum \\| first | exchange of 1,000 |\n\n" +
      "**Related:** [Antalya: what NATO agreed](https://example.org/antalya) — Ministers met the day before\n";
    const fromMarkdown = await createdId(await importAs(ayse, jsonImport({ format: "markdown", content: markdown })));
    expect(await (await exportAs(ayse, fromMarkdown, "markdown")).text()).toBe(markdown);
    const json = (await (await exportAs(ayse, fromMarkdown, "json")).json()) as { content: { content: { type: string; content: { content: { type: string }[] }[] }[] } };
    expect(json.content.content.map((node) => node.type)).toEqual(["table", "relatedCard"]);
    expect(json.content.content[0]!.content[0]!.content.map((cell) => cell.type)).toEqual(["tableHeader", "tableHeader", "tableHeader"]);
    const html = await (await exportAs(ayse, fromMarkdown, "html")).text();
    expect(html).toContain('<div class="tableWrapper"><table><tbody><tr><th colspan="1" rowspan="1" style="text-align:left"><p>Side</p></th>');
    expect(html).toContain("<td colspan=\"1\" rowspan=\"1\"><p>a <strong>30-day</strong> ceasefire</p></td>");
    expect(html).toContain('<aside class="related-card"><a href="https://example.org/antalya" rel="noopener noreferrer nofollow"><span class="related-card-kicker">Related</span><span class="related-card-headline">Antalya: what NATO agreed</span>');

    // The exported HTML imports back to the same table and card, and so to the same Markdown.
    const fromHtml = await createdId(await importAs(ayse, fileImport("sides.html", html, "text/html")));
    expect(await (await exportAs(ayse, fromHtml, "markdown")).text()).toBe(markdown);
  });

  it("refuses bad input with the right status and a clear message, and creates nothing", async () => {
    const ayse = await createTestUser("analyst");
    const before = await documentCount();
    const oversizedStream = new ReadableStream<Uint8Array>({
      start(controller) {
        // More than the request bound, in chunks, under a Content-Length that lies.
        for (let sent = 0; sent <= MAX_IMPORT_REQUEST_BYTES; sent += 256 * 1024) controller.enqueue(new Uint8Array(256 * 1024).fill(0x61));
        controller.close();
      },
    });
    const cases: { request: Request; status: number; error: RegExp }[] = [
      { request: fileImport("big.md", "a".repeat(MAX_IMPORT_BYTES + 1)), status: 413, error: /512 KiB limit/ },
      { request: jsonImport({ format: "text", content: "a".repeat(MAX_IMPORT_BYTES + 1) }), status: 413, error: /exceeds|limit/ },
      {
        request: new Request(URL_BASE, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "100" }, body: oversizedStream, duplex: "half" } as RequestInit),
        status: 413,
        error: /512 KiB limit/,
      },
      { request: new Request(URL_BASE, { method: "POST", headers: { "content-type": "text/plain" }, body: "# Hi" }), status: 415, error: /multipart\/form-data/ },
      { request: fileImport("report.pdf", "%PDF-1.7", "application/pdf"), status: 415, error: /\.md, \.markdown, \.html, \.htm, \.txt/ },
      { request: jsonImport({ format: "markdown", content: "" }), status: 422, error: /empty/ },
      { request: fileImport("blank.txt", "  \n\n  "), status: 422, error: /empty/ },
      { request: fileImport("latin1.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72])), status: 422, error: /UTF-8/ },
      { request: fileImport("utf16.txt", new Uint8Array([0x48, 0x00, 0x69, 0x00])), status: 422, error: /binary/ },
      { request: fileImport("picture.html", '<img src="x.png"><script>alert(1)</script>'), status: 422, error: /Nothing in this file/ },
      { request: jsonImport({ format: "docx", content: "x" }), status: 422, error: /format must be one of markdown, html, text/ },
      { request: jsonImport({ title: "", format: "text", content: "x" }), status: 422, error: /Title must not be empty/ },
      { request: new Request(URL_BASE, { method: "POST", body: new FormData() }), status: 422, error: /form field named "file"/ },
    ];
    for (const { request, status, error } of cases) {
      const response = await importAs(ayse, request);
      const body = (await response.json()) as { error: string };
      expect([response.status, body.error], String(error)).toEqual([status, expect.stringMatching(error)]);
    }
    expect(await documentCount()).toBe(before);
  });

  it("refuses a viewer with 403 and creates nothing", async () => {
    const viewer = await createTestUser("viewer");
    const before = await documentCount();
    const response = await importAs(viewer, jsonImport({ format: "markdown", content: ARTICLE }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Viewers cannot create documents" });
    expect(await documentCount()).toBe(before);
  });

  it("exports to any reader (viewer included), 404 to anyone else, 422 for an unknown format", async () => {
    const [owner, viewer, outsider] = await Promise.all([createTestUser("analyst"), createTestUser("viewer"), createTestUser("analyst")]);
    const document = await createTestDocument(owner, [{ id: viewer.id, role: "viewer" }]);
    const writer = harness.connect(document.id, await sessionCookie(owner));
    await writer.waitSynced();
    writer.appendParagraph("Written live, not yet flushed.");
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment(DOCUMENT_FRAGMENT).length === 1);

    const asViewer = await exportAs(viewer, document.id, "markdown");
    expect(asViewer.status).toBe(200);
    expect(await asViewer.text()).toContain("Written live, not yet flushed.");
    const asOutsider = await exportAs(outsider, document.id, "markdown");
    expect([asOutsider.status, await asOutsider.json()]).toEqual([404, { error: "Document not found" }]);
    for (const format of ["docx", null]) {
      const unknown = await exportAs(owner, document.id, format);
      expect([unknown.status, ((await unknown.json()) as { error: string }).error]).toEqual([422, "Unknown export format: use markdown, html, json"]);
    }
  });

  it("exports the text as it stands before pending suggestions, in every format", async () => {
    const [maria, ayse] = await Promise.all([createTestUser("editor", "Maria"), createTestUser("analyst", "Ayse")]);
    const id = await createdId(await importAs(maria, jsonImport({ title: "Suggested", format: "text", content: "Talks lasted under two hours." })));
    const client = harness.connect(id, await sessionCookie(maria));
    await client.waitSynced();
    const suggestion = { id: "s1", authorId: ayse.id, authorName: ayse.name, createdAt: new Date().toISOString() };
    const text = (client.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format("Talks lasted ".length, "under two".length, { suggestionDelete: suggestion });
    text.insert("Talks lasted under two".length, " about three", { suggestionInsert: suggestion });
    await waitFor(() => harness.server.collab.rooms.get(id)!.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString().includes("about three"));

    expect(await (await exportAs(maria, id, "markdown")).text()).toBe("# Suggested\n\nTalks lasted under two hours.\n");
    const html = await (await exportAs(maria, id, "html")).text();
    expect(html).toContain("<p>Talks lasted under two hours.</p>");
    expect(html).not.toMatch(/about three|<ins|<del|suggestion/);
    const json = JSON.stringify(await (await exportAs(maria, id, "json")).json());
    expect(json).toContain("Talks lasted under two hours.");
    expect(json).not.toMatch(/about three|suggestion/);
  });

  it("opens an imported document in a real y-websocket client with the imported text", async () => {
    const ayse = await createTestUser("analyst");
    const id = await createdId(await importAs(ayse, fileImport("talks.md", ARTICLE, "text/markdown")));
    const client = harness.connect(id, await sessionCookie(ayse));
    await client.waitSynced();
    expect(client.text()).toBe(
      "The delegations met at Dolmabahçe for under two hours, says the ministry.\n\nThe setting\n\nTürkiye hosted\n\nOn the table:\n\nprisoners\n\na ceasefire\n\nKey takeaway: the talks resumed.",
    );
    // And it is a live document: an edit reaches the room.
    client.appendParagraph("Added after import.");
    await waitFor(() => harness.server.collab.rooms.get(id)?.doc.getXmlFragment(DOCUMENT_FRAGMENT).length === 5);
  });
});
