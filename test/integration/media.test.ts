// Images: uploads through the route's own function (refusals by type, size,
// pixels and role), who may read a draft's images, the publish gate's figure
// checks, and images turning public with the publication — real PostgreSQL,
// real y-websocket clients writing the figure into the document.
import sharp from "sharp";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { MAX_MEDIA_BYTES, type UploadedMedia } from "../../lib/media";
import { errorResponse } from "../../server/api/routeHandler";
import { getPrisma } from "../../server/db/prisma";
import { updateDocument } from "../../server/documents/documents";
import { AppError } from "../../server/errors";
import { mediaResponse, uploadMediaResponse } from "../../server/media/mediaResponse";
import { hasGpsPointer, jpegWithGpsExif, pngDeclaring, pngImage } from "../../server/media/testImages";
import { articleResponse } from "../../server/publishing/articleResponse";
import { transitionDocument } from "../../server/workflow/transitionDocument";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type User = Awaited<ReturnType<typeof createTestUser>>;

const upload = (user: User, documentId: string, body: BodyInit) =>
  uploadMediaResponse(user, documentId, new Request(`http://localhost/api/documents/${documentId}/media`, { method: "POST", body, headers: { "content-type": "image/jpeg" } })).catch(
    errorResponse,
  );
const uploaded = async (response: Response) => {
  const body = (await response.json()) as UploadedMedia & { error?: string };
  expect(response.status, body.error).toBe(201);
  return body;
};
const blockersOf = (promise: Promise<unknown>) =>
  promise.then(
    () => [],
    (error: unknown) => (error instanceof AppError ? ((error.details as { blockers?: string[] })?.blockers ?? [error.message]) : [String(error)]),
  );

describe("media", () => {
  const harness = useTestServer();

  it("stores an upload once, stripped of its metadata, for the document's writers and suggesters only", async () => {
    const [owner, suggester, commenter, viewer, outsider] = await Promise.all([
      createTestUser("analyst"),
      createTestUser("analyst"),
      createTestUser("analyst"),
      createTestUser("viewer"),
      createTestUser("analyst"),
    ]);
    const document = await createTestDocument(owner, [
      { id: suggester.id, role: "suggester" },
      { id: commenter.id, role: "commenter" },
      { id: viewer.id, role: "viewer" },
    ]);
    const photo = await jpegWithGpsExif(1200, 800);

    const first = await uploaded(await upload(owner, document.id, new Uint8Array(photo)));
    expect(first).toMatchObject({ width: 800, height: 1200, format: "jpeg" });
    const again = await uploaded(await upload(suggester, document.id, new Uint8Array(photo)));
    expect(again.hash).toBe(first.hash);
    expect(await getPrisma().mediaAsset.count({ where: { hash: first.hash } })).toBe(1);
    expect((await getPrisma().mediaRendition.findMany({ where: { hash: first.hash }, select: { variant: true } })).map((row) => row.variant).sort()).toEqual(["480", "800", "original"]);

    const served = await mediaResponse(owner, first.hash, "original");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(hasGpsPointer(photo)).toBe(true);
    expect(bytes.toString("latin1")).not.toContain("SN-4815162342");

    for (const [user, status] of [
      [commenter, 403],
      [viewer, 403],
      [outsider, 404],
    ] as const) {
      const response = await upload(user, document.id, new Uint8Array(photo));
      expect(response.status).toBe(status);
    }
    expect((await (await upload(viewer, document.id, new Uint8Array(photo))).json()).error).toBe("Your role on this document cannot add images");
  });

  it("refuses by the bytes: not an image (415), too large (413), too many pixels (422), damaged (422); nothing is stored", async () => {
    const owner = await createTestUser("analyst");
    const document = await createTestDocument(owner);
    const before = await getPrisma().mediaAsset.count();

    const svg = await upload(owner, document.id, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(svg.status).toBe(415);
    expect((await svg.json()).error).toBe("Only JPEG, PNG, WebP and GIF images can be uploaded");

    // Over the bound, streamed in chunks without a Content-Length: reading stops at the bound.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent <= MAX_MEDIA_BYTES; sent += 1024 * 1024) controller.enqueue(new Uint8Array(1024 * 1024).fill(0xff));
        controller.close();
      },
    });
    const tooLarge = await uploadMediaResponse(owner, document.id, new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit)).catch(errorResponse);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toBe("The image is larger than 20 MiB");

    const pixels = await upload(owner, document.id, new Uint8Array(await pngDeclaring(9000, 9000)));
    expect(pixels.status).toBe(422);
    expect((await pixels.json()).error).toBe("The image is 9,000 × 9,000 pixels: at most 40 megapixels");

    const damaged = await upload(owner, document.id, new Uint8Array((await jpegWithGpsExif(300, 300)).subarray(0, 300)));
    expect(damaged.status).toBe(422);
    expect(await getPrisma().mediaAsset.count()).toBe(before);
  });

  it("shows a draft's images to those who can read the document only; publishing makes them public, unpublishing private again", async () => {
    const [analyst, reader, outsider, editor] = await Promise.all([createTestUser("analyst", "Ayse"), createTestUser("analyst"), createTestUser("analyst"), createTestUser("editor", "Maria")]);
    const document = await createTestDocument(analyst, [{ id: reader.id, role: "viewer" }]);
    const image = await uploaded(await upload(analyst, document.id, new Uint8Array(await pngImage(1800, 1000))));

    const statusFor = async (user: User | null, variant = "960") => {
      const response = await mediaResponse(user, image.hash, variant);
      return [response.status, response.headers.get("cache-control")];
    };
    expect(await statusFor(analyst)).toEqual([200, "private, max-age=31536000, immutable"]);
    expect(await statusFor(reader)).toEqual([200, "private, max-age=31536000, immutable"]);
    // Newsroom editors read every document, so every draft's images.
    expect(await statusFor(editor)).toEqual([200, "private, max-age=31536000, immutable"]);
    expect(await statusFor(outsider)).toEqual([404, null]);
    expect(await statusFor(null)).toEqual([404, null]);
    expect((await mediaResponse(analyst, image.hash, "1234")).status).toBe(404);
    expect((await mediaResponse(analyst, "not-a-hash", "960")).status).toBe(404);

    // The figure goes into the document through a real client; the gate wants alt text and a credit.
    const writer = harness.connect(document.id, await sessionCookie(analyst));
    await writer.waitSynced();
    const figure = new Y.XmlElement("figure");
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Officials left after two hours.")]);
      writer.doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph, figure]);
      for (const [name, value] of Object.entries({ hash: image.hash, width: image.width, height: image.height, alt: "", caption: "Outside the Dolmabahçe office", credit: "", lead: true })) {
        figure.setAttribute(name, value as string);
      }
    });
    const room = () => harness.server.collab.rooms.get(document.id)?.doc;
    await waitFor(() => room()?.getXmlFragment(DOCUMENT_FRAGMENT).length === 2, { message: "the figure to reach the server" });
    // An image uploaded to another document is not this one's to publish.
    const elsewhere = await createTestDocument(analyst);
    const foreign = await uploaded(await upload(analyst, elsewhere.id, new Uint8Array(await pngImage(500, 300))));
    writer.doc.transact(() => {
      const second = new Y.XmlElement("figure");
      writer.doc.getXmlFragment(DOCUMENT_FRAGMENT).push([second]);
      for (const [name, value] of Object.entries({ hash: foreign.hash, width: foreign.width, height: foreign.height, alt: "A map", credit: "Newsroom graphics" })) second.setAttribute(name, value as string);
    });
    await waitFor(() => room()?.getXmlFragment(DOCUMENT_FRAGMENT).length === 3, { message: "the second figure" });

    const slug = `media-${document.id.slice(0, 8)}`;
    await updateDocument(analyst, document.id, { headline: "Istanbul, in pictures", slug, bylineId: analyst.id });
    await transitionDocument(analyst, document.id, { action: "submit" });
    await transitionDocument(editor, document.id, { action: "approve" });
    expect(await blockersOf(transitionDocument(editor, document.id, { action: "publish" }))).toEqual([
      "Figure 1 (“Outside the Dolmabahçe office”) has no alt text and no credit",
      "Figure 2 shows an image that was not uploaded to this document",
    ]);

    await transitionDocument(editor, document.id, { action: "request_changes", note: "Alt text and credit, and drop the map" });
    writer.doc.transact(() => {
      figure.setAttribute("alt", "Ukrainian officials walk outside the Dolmabahçe office");
      figure.setAttribute("credit", "Newsroom graphics");
      writer.doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(2, 1);
    });
    await waitFor(() => room()?.getXmlFragment(DOCUMENT_FRAGMENT).length === 2 && (room()?.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement).getAttribute("credit") === "Newsroom graphics", {
      message: "the fixes to reach the server",
    });
    await transitionDocument(analyst, document.id, { action: "submit" });
    await transitionDocument(editor, document.id, { action: "approve" });
    expect(await blockersOf(transitionDocument(editor, document.id, { action: "publish" }))).toEqual([]);

    // Published: the image is public, cacheable by anyone; the page shows it as the hero with its credit.
    expect(await statusFor(null)).toEqual([200, "public, max-age=31536000, immutable"]);
    expect(await statusFor(outsider, "original")).toEqual([200, "public, max-age=31536000, immutable"]);
    expect((await mediaResponse(null, foreign.hash, "500")).status).toBe(404);
    const page = await (await articleResponse(new Request(`http://localhost/p/${slug}`), slug)).text();
    const hero = page.indexOf('<figure class="figure figure-lead">');
    expect(hero).toBeGreaterThan(page.indexOf('<p class="meta">'));
    expect(hero).toBeLessThan(page.indexOf("<p>Officials left after two hours.</p>"));
    expect(page).toContain(`srcset="/media/${image.hash}/480 480w, /media/${image.hash}/960 960w, /media/${image.hash}/1600 1600w"`);
    expect(page).toContain('width="1600" height="889" alt="Ukrainian officials walk outside the Dolmabahçe office" loading="eager"');
    expect(page).toContain('<span class="figure-credit">Credit: <span class="figure-credit-name">Newsroom graphics</span></span>');
    expect(page).toContain(`<meta property="og:image" content="http://localhost/media/${image.hash}/original">`);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(page)![1]!) as { image: { url: string; creditText: string }[] };
    expect(jsonLd.image[0]).toMatchObject({ url: `http://localhost/media/${image.hash}/original`, creditText: "Newsroom graphics" });

    await transitionDocument(editor, document.id, { action: "unpublish", note: "Photo rights withdrawn by the agency" });
    expect(await statusFor(null)).toEqual([404, null]);
    expect(await statusFor(analyst)).toEqual([200, "private, max-age=31536000, immutable"]);
  });
});
