// Figures in imports: images embedded as data: URLs go through the upload
// pipeline and become figures; remote images are never fetched (kept as
// links, with a note); an export of this newsroom imports back with its
// figures when the importer may see the images. Real PostgreSQL, the same
// functions the routes call.
import { describe, expect, it } from "vitest";
import { errorResponse } from "../../server/api/routeHandler";
import { getPrisma } from "../../server/db/prisma";
import { exportResponse } from "../../server/importExport/exportResponse";
import { importResponse } from "../../server/importExport/importResponse";
import { pngImage } from "../../server/media/testImages";
import { createTestUser } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type User = Awaited<ReturnType<typeof createTestUser>>;
type Node = { type: string; attrs?: Record<string, unknown>; content?: Node[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };

const URL_BASE = "http://localhost/api/documents/import";
const importAs = (user: User, request: Request) => importResponse(user, request).catch(errorResponse);
const exportAs = (user: User, documentId: string, format: string) => exportResponse(user, documentId, format).catch(errorResponse);
const jsonImport = (body: unknown) => new Request(URL_BASE, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function imported(response: Response): Promise<{ id: string; notes: string[] }> {
  const body = (await response.json()) as { id: string; notes: string[]; error?: string };
  expect(response.status, body.error).toBe(201);
  return body;
}

async function blocksOf(user: User, id: string): Promise<Node[]> {
  const json = (await (await exportAs(user, id, "json")).json()) as { content: Node };
  return json.content.content ?? [];
}

describe("figures in imports", () => {
  useTestServer();

  it("stores an embedded image as a figure with its alt text, caption and credit, keeps a remote one as a link with a note, and round-trips through export", async () => {
    const ayse = await createTestUser("analyst", "Ayse");
    const png = (await pngImage(640, 320)).toString("base64");
    const html =
      `<h1>Map of the talks</h1><p>Where they met.</p>` +
      `<figure><img src="data:image/png;base64,${png}" alt="A map of the Bosphorus"><figcaption><span class="figure-caption">Dolmabahçe, on the European shore</span><span class="figure-credit">Credit: <span class="figure-credit-name">Newsroom graphics</span></span></figcaption></figure>` +
      `<p><img src="https://images.example.org/delegations.jpg" alt="The delegations"></p>`;
    const { id, notes } = await imported(await importAs(ayse, jsonImport({ format: "html", content: html })));
    expect(notes).toEqual([expect.stringMatching(/1 image is on another website and was not fetched: kept as a link/)]);

    const blocks = await blocksOf(ayse, id);
    const figure = blocks.find((block) => block.type === "figure")!;
    expect(figure.attrs).toMatchObject({ width: 640, height: 320, alt: "A map of the Bosphorus", caption: "Dolmabahçe, on the European shore", credit: "Newsroom graphics" });
    const hash = String(figure.attrs!.hash);
    // Stored and linked like an upload: the document's members can read it.
    expect(await getPrisma().mediaRendition.count({ where: { hash } })).toBeGreaterThan(1);
    expect(await getPrisma().documentMedia.count({ where: { documentId: id, hash } })).toBe(1);
    const link = blocks.at(-1)!.content![0]!;
    expect(link).toMatchObject({ text: "The delegations", marks: [{ type: "link", attrs: { href: "https://images.example.org/delegations.jpg" } }] });

    // HTML and Markdown exports import back to the same figure.
    const markdown = await (await exportAs(ayse, id, "markdown")).text();
    expect(markdown).toContain(`![A map of the Bosphorus](/media/${hash}/original "Dolmabahçe, on the European shore")\\\n*Credit: Newsroom graphics*`);
    for (const [format, content] of [
      ["html", await (await exportAs(ayse, id, "html")).text()],
      ["markdown", markdown],
    ] as const) {
      const again = await imported(await importAs(ayse, jsonImport({ format, content })));
      expect(again.notes.filter((note) => !note.includes("another website"))).toEqual([]);
      expect(await (await exportAs(ayse, again.id, "markdown")).text()).toBe(markdown);
    }
  });

  it("does not keep a stored image the importer cannot see, nor an embedded file that is not an image; says why and keeps the captions", async () => {
    const [ayse, daniel] = await Promise.all([createTestUser("analyst", "Ayse"), createTestUser("analyst", "Daniel")]);
    const png = (await pngImage(320, 200)).toString("base64");
    const { id } = await imported(await importAs(ayse, jsonImport({ format: "markdown", content: `Intro.\n\n![Chart](data:image/png;base64,${png} "Casualty figures")\n` })));
    const exported = await (await exportAs(ayse, id, "markdown")).text();

    // Daniel is no member of Ayşe's draft: the image stays hers.
    const other = await imported(await importAs(daniel, jsonImport({ format: "markdown", content: exported })));
    expect(other.notes).toEqual([expect.stringMatching(/1 image was not kept \(caption kept as text\): it refers to an image that is not stored here, or that you cannot see/)]);
    expect((await blocksOf(daniel, other.id)).map((block) => block.type)).toEqual(["paragraph", "paragraph"]);
    expect(JSON.stringify(await blocksOf(daniel, other.id))).toContain("Casualty figures");

    const fake = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>").toString("base64");
    const svg = await imported(await importAs(ayse, jsonImport({ format: "html", content: `<p>Text.</p><figure><img src="data:image/png;base64,${fake}" alt="x"><figcaption>A drawing</figcaption></figure>` })));
    expect(svg.notes).toEqual([expect.stringMatching(/1 image was not kept \(caption kept as text\): Only JPEG, PNG, WebP and GIF images can be uploaded/)]);
    expect(JSON.stringify(await blocksOf(ayse, svg.id))).toContain("A drawing");
  });
});
