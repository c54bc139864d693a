// Import from the dashboard, export from the document: real Chromium, real
// server, the analyst's own documents (never the seeded analysis).
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { MAX_IMPORT_REQUEST_BYTES } from "../lib/limits";
import { storageStatePath } from "./accounts";

test.use({ storageState: storageStatePath("analyst1") });

test("imports a Markdown file from the dashboard and exports it back as Markdown", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const title = `Antalya briefing ${stamp}`;
  const markdown = `# ${title}\n\nNATO ministers met in **Antalya**, says [the alliance](https://example.org/nato).\n\n## What changed\n\n- Defence spending\n  - two per cent\n- Support for Ukraine\n\n> Allies stay the course.\n`;

  await page.goto("/");
  await expect(page.getByLabel("Import a file")).toBeEnabled();
  await page.getByLabel("Import a file").setInputFiles({ name: "antalya-briefing.md", mimeType: "text/markdown", buffer: Buffer.from(markdown) });
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Document title" })).toHaveValue(title);
  const body = page.getByRole("textbox", { name: /document body/ });
  await expect(body.getByRole("heading", { name: "What changed", level: 2 })).toBeVisible();
  await expect(body.getByRole("link", { name: "the alliance" })).toHaveAttribute("href", "https://example.org/nato");
  await expect(body.getByRole("list").getByRole("list").getByText("two per cent")).toBeVisible();

  await page.getByText("Export", { exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Markdown (.md)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`antalya-briefing-${stamp}.md`);
  expect(await readFile(await file.path(), "utf8")).toBe(markdown);
});

test("says clearly why a file cannot be imported, and stays on the dashboard", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByLabel("Import a file");
  await expect(picker).toBeEnabled();
  await picker.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await expect(page.getByRole("alert").filter({ hasText: "scan.pdf" })).toHaveText("“scan.pdf” is not a Markdown, HTML or plain text file.");
  // Refused by the server: shown as it answered.
  await picker.setInputFiles({ name: "empty.md", mimeType: "text/markdown", buffer: Buffer.from(" \n\n") });
  await expect(page.getByRole("alert").filter({ hasText: "import" })).toHaveText("There is nothing to import: the content is empty");
  await expect(page).toHaveURL(/\/$/);
});

test("the import and export API over HTTP: multipart upload, 413, 415, and the download headers", async ({ request }) => {
  const created = await request.post("/api/documents/import", {
    multipart: { file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Line one\nline two\n\nSecond paragraph") }, title: "Black Sea notes" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(created.headers()["location"]).toBe(`/api/documents/${id}`);

  const exported = await request.get(`/api/documents/${id}/export?format=html`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(exported.headers()["content-disposition"]).toBe('attachment; filename="black-sea-notes.html"');
  expect(await exported.text()).toContain("<p>Line one<br />line two</p><p>Second paragraph</p>");

  const unsupported = await request.post("/api/documents/import", { multipart: { file: { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") } } });
  expect(unsupported.status()).toBe(415);
  const oversized = await request.post("/api/documents/import", {
    multipart: { file: { name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(MAX_IMPORT_REQUEST_BYTES + 1, "a") } },
  });
  expect([oversized.status(), ((await oversized.json()) as { error: string }).error]).toEqual([413, "The import is larger than the 512 KiB limit"]);
  expect((await request.get(`/api/documents/${id}/export?format=docx`)).status()).toBe(422);
});
