// Clean-up of unused uploads (server/media/deleteUnusedMedia.ts): an old image
// that no document content, no version and no publication shows is deleted;
// every other one stays. Real PostgreSQL, a real y-websocket client putting
// the figure into the document.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { getPrisma } from "../../server/db/prisma";
import { yDocFromJSON } from "../../server/documents/documentState";
import { takeVersion } from "../../server/history/versions";
import { deleteUnusedMedia } from "../../server/media/deleteUnusedMedia";
import { readMedia, storeImage } from "../../server/media/media";
import { processImage } from "../../server/media/processImage";
import { pngImage } from "../../server/media/testImages";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

const DAY = 24 * 60 * 60 * 1000;
const figure = (hash: string) => ({ type: "figure", attrs: { hash, width: 64, height: 32, alt: "x", caption: "", credit: "Newsroom graphics", lead: false } });

describe("clean-up of unused uploads", () => {
  const harness = useTestServer();

  it("deletes an old image no content, version or publication shows; keeps the others", async () => {
    const maria = await createTestUser("editor", "Maria");
    const document = await createTestDocument(maria);
    // Five distinct images, uploaded to the document.
    const images = await Promise.all([64, 65, 66, 67, 68].map(async (width) => processImage(await pngImage(width, 32))));
    for (const image of images) await storeImage(image, document.id, maria.id);
    const [inContent, inVersion, published, unused, recent] = images.map((image) => image.hash) as [string, string, string, string, string];
    // All but the last were stored two days ago.
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    await getPrisma().mediaAsset.updateMany({ where: { hash: { in: [inContent, inVersion, published, unused] } }, data: { createdAt: twoDaysAgo } });
    await getPrisma().documentMedia.updateMany({ where: { hash: { in: [inContent, inVersion, published, unused] } }, data: { createdAt: twoDaysAgo } });

    // A version with one figure, then the current text with another (put in by a real client).
    const versionDoc = yDocFromJSON({ type: "doc", content: [figure(inVersion)] });
    await takeVersion(document.id, { kind: "named", name: "Before the new map", createdById: maria.id }, versionDoc);
    versionDoc.destroy();
    const client = harness.connect(document.id, await sessionCookie(maria));
    await client.waitSynced();
    const element = new Y.XmlElement("figure");
    for (const [key, value] of Object.entries(figure(inContent).attrs)) element.setAttribute(key, value as string);
    client.doc.getXmlFragment(DOCUMENT_FRAGMENT).push([element]);
    await waitFor(() => harness.server.collab.rooms.get(document.id)?.doc.getXmlFragment(DOCUMENT_FRAGMENT).length === 1, { message: "the figure to reach the room" });

    // A publication showing the third.
    const publication = await getPrisma().publication.create({
      data: { documentId: document.id, version: 1, slug: `cleanup-${document.id.slice(0, 8)}`, headline: "H", bylineName: "Maria", html: "<p></p>", json: {}, contentHash: "x", publisherId: maria.id, publishAt: new Date() },
    });
    await getPrisma().publicationMedia.create({ data: { publicationId: publication.id, hash: published } });

    // Other test files share the database: look only at this test's images.
    const mine = (deleted: string[]) => deleted.filter((hash) => images.some((image) => image.hash === hash)).sort();
    expect(mine((await deleteUnusedMedia()).deleted)).toEqual([unused]);
    await expect(readMedia(maria, unused, "original")).rejects.toMatchObject({ status: 404 });
    for (const kept of [inContent, inVersion, published, recent]) expect((await readMedia(maria, kept, "original")).bytes.length).toBeGreaterThan(0);
    // Nothing left to do on a second pass.
    expect(mine((await deleteUnusedMedia()).deleted)).toEqual([]);

    // Uploading an old image again restarts its grace period.
    await getPrisma().mediaAsset.updateMany({ where: { hash: recent }, data: { createdAt: twoDaysAgo } });
    await getPrisma().documentMedia.updateMany({ where: { hash: recent }, data: { createdAt: twoDaysAgo } });
    await storeImage(images[4]!, document.id, maria.id);
    expect(mine((await deleteUnusedMedia()).deleted)).toEqual([]);
    // Once its document is deleted, nothing shows it.
    await getPrisma().publication.deleteMany({ where: { documentId: document.id } });
    client.destroy();
    await harness.server.collab.rooms.get(document.id)?.store("request");
    await getPrisma().document.delete({ where: { id: document.id } });
    await getPrisma().mediaAsset.updateMany({ where: { hash: recent }, data: { createdAt: twoDaysAgo } });
    expect(mine((await deleteUnusedMedia()).deleted)).toEqual([inContent, inVersion, published, recent].sort());
  });
});
