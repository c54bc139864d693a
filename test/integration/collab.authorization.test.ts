// SYNC.md rules A1–A4: no session, no socket; no access, no document; a
// viewer's updates are never applied, broadcast or stored.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/closeCodes";
import { getPrisma } from "../../server/db/prisma";
import { openRawSocket } from "../support/rawSocket";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, startTestServer, waitFor } from "../support/testServer";

describe("socket authentication and authorization", () => {
  const harness = useTestServer();

  it("refuses a socket without a session before sending any document byte (4401)", async () => {
    const owner = await createTestUser();
    const document = await createTestDocument(owner);
    const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, null);
    const { code } = await raw.closed;
    expect(code).toBe(CloseCode.unauthorized);
    expect(raw.frames).toHaveLength(0);
  });

  it("refuses a forged or foreign-signed session token (4401)", async () => {
    const owner = await createTestUser();
    const document = await createTestDocument(owner);
    const forged = await encode({ token: { sub: owner.id }, secret: "some-other-secret-that-is-long-enough" });
    for (const cookie of [`next-auth.session-token=${forged}`, "next-auth.session-token=garbage"]) {
      const raw = openRawSocket(`${harness.server.wsUrl}/${document.id}`, cookie);
      expect((await raw.closed).code).toBe(CloseCode.unauthorized);
      expect(raw.frames).toHaveLength(0);
    }
  });

  it("refuses a signed-in user who is not a member, and unknown documents (4404)", async () => {
    const [owner, outsider] = await Promise.all([createTestUser(), createTestUser("analyst")]);
    const document = await createTestDocument(owner);
    for (const documentId of [document.id, randomUUID()]) {
      const raw = openRawSocket(`${harness.server.wsUrl}/${documentId}`, await sessionCookie(outsider!));
      expect((await raw.closed).code).toBe(CloseCode.notFound);
      expect(raw.frames).toHaveLength(0);
    }
  });

  it("lets a newsroom editor open any document", async () => {
    const [owner, editor] = await Promise.all([createTestUser(), createTestUser("editor")]);
    const document = await createTestDocument(owner);
    const client = harness.connect(document.id, await sessionCookie(editor!));
    await client.waitSynced();
  });

  it("a viewer receives the document and presence, but their updates never reach others or the database", async () => {
    const [owner, viewer] = await Promise.all([createTestUser(), createTestUser("viewer")]);
    const document = await createTestDocument(owner, [{ id: viewer!.id, role: "viewer" }]);
    const writer = harness.connect(document.id, await sessionCookie(owner!));
    await writer.waitSynced();
    writer.appendParagraph("Written by the owner.");
    writer.provider.awareness.setLocalStateField("cursor", { anchor: 1 });

    const reader = harness.connect(document.id, await sessionCookie(viewer!));
    await reader.waitSynced();
    await waitFor(() => reader.text() === "Written by the owner.", { message: "the viewer to receive the document" });
    await waitFor(() => [...reader.provider.awareness.getStates().values()].some((state) => state.user?.id === owner!.id), {
      message: "the viewer to see the owner's presence",
    });

    const rowsBefore = await getPrisma().documentUpdate.count({ where: { documentId: document.id } });
    reader.appendParagraph("Viewer tried to write this.");
    // A marker edit by the owner after the viewer's attempt: once it arrives and
    // is stored, the viewer's earlier update would have arrived too.
    writer.appendParagraph("Owner marker.");
    await waitFor(() => reader.text().includes("Owner marker."));
    await harness.server.collab.rooms.get(document.id)!.store("request");

    expect(writer.text()).not.toContain("Viewer tried");
    const room = harness.server.collab.rooms.get(document.id)!;
    expect(room.doc.getXmlFragment("default").toString()).not.toContain("Viewer tried");
    const rows = await getPrisma().documentUpdate.findMany({ where: { documentId: document.id }, select: { authorId: true, update: true } });
    expect(rows.length).toBeGreaterThan(rowsBefore);
    expect(rows.every((row) => row.authorId !== viewer!.id)).toBe(true);
    const stored = new Y.Doc();
    for (const row of rows) Y.applyUpdate(stored, row.update);
    expect(stored.getXmlFragment("default").toString()).not.toContain("Viewer tried");
  });

  it("stamps presence with the session's identity, so nobody can pose as someone else", async () => {
    const [owner, other] = await Promise.all([createTestUser("analyst", "Real Name"), createTestUser("analyst", "Other Person")]);
    const document = await createTestDocument(owner, [{ id: other!.id, role: "editor" }]);
    const impostor = harness.connect(document.id, await sessionCookie(other!));
    const watcher = harness.connect(document.id, await sessionCookie(owner!));
    await Promise.all([impostor.waitSynced(), watcher.waitSynced()]);
    impostor.provider.awareness.setLocalStateField("user", { id: owner!.id, name: "Real Name", color: "#000" });
    await waitFor(() => watcher.provider.awareness.getStates().has(impostor.doc.clientID), { message: "the impostor's presence" });
    const seen = watcher.provider.awareness.getStates().get(impostor.doc.clientID) as { user: { id: string; name: string } };
    expect(seen.user).toMatchObject({ id: other!.id, name: "Other Person" });
  });
});

describe("cross-site sockets", () => {
  it("refuses a handshake whose Origin is another site (4403), and accepts its own", async () => {
    const server = await startTestServer();
    try {
      const owner = await createTestUser();
      const document = await createTestDocument(owner);
      const cookie = await sessionCookie(owner);
      const { default: WebSocket } = await import("ws");
      const open = (origin: string) =>
        new Promise<number | "open">((resolve) => {
          const socket = new WebSocket(`${server.wsUrl}/${document.id}`, { headers: { cookie, origin } });
          socket.on("message", () => {
            resolve("open");
            socket.close();
          });
          socket.on("close", (code) => resolve(code));
        });
      expect(await open("https://evil.example")).toBe(CloseCode.forbidden);
      expect(await open(`http://127.0.0.1:${server.port}`)).toBe("open");
    } finally {
      await server.close();
    }
  });
});
