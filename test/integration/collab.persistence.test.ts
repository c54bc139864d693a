// SYNC.md rules P2–P3: content survives a graceful restart and a SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { getPrisma } from "../../server/db/prisma";
import { connectClient, type CollabClient } from "../support/collabClient";
import { createTestDocument, createTestUser, sessionCookie, startTestServer, TEST_AUTH_SECRET, useTestDatabase, waitFor } from "../support/testServer";

const clients: CollabClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

describe("persistence", () => {
  it("a document's content survives a server restart", async () => {
    let server = await startTestServer();
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);

    const writer = connectClient(server.wsUrl, document.id, cookie);
    clients.push(writer);
    await writer.waitSynced();
    for (let i = 0; i < 30; i++) writer.appendParagraph(`Paragraph ${i}`);
    const room = () => server.collab.rooms.get(document.id);
    await waitFor(() => room()?.doc.getXmlFragment("default").length === 30, { message: "the server to receive the edits" });
    await server.close(); // flushes on shutdown
    writer.destroy();

    server = await startTestServer();
    const reader = connectClient(server.wsUrl, document.id, cookie);
    clients.push(reader);
    await reader.waitSynced();
    await waitFor(() => reader.text().includes("Paragraph 29"));
    expect(reader.text().split("\n\n")).toHaveLength(30);
    await server.close();

    // Closing the room compacted the log into a snapshot.
    const snapshot = await getPrisma().documentSnapshot.findUnique({ where: { documentId: document.id } });
    expect(snapshot?.upToUpdateId).toBeGreaterThan(0n);
  });

  it("a server killed with SIGKILL loses no edit that an open client holds", async () => {
    useTestDatabase();
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);

    let child = await startServerProcess();
    const port = child.port;
    const client = connectClient(`ws://127.0.0.1:${port}/collab`, document.id, cookie);
    clients.push(client);
    await client.waitSynced();
    client.appendParagraph("Typed just before the crash.");
    // Kill at once: the write-behind window has not necessarily passed.
    child.process.kill("SIGKILL");
    await waitFor(() => !client.provider.wsconnected, { message: "the client to notice" });
    client.appendParagraph("Typed while the server was down.");

    child = await startServerProcess(port);
    await waitFor(() => client.provider.synced, { timeout: 10_000, message: "the client to reconnect" });
    const fresh = connectClient(`ws://127.0.0.1:${port}/collab`, document.id, cookie);
    clients.push(fresh);
    await fresh.waitSynced();
    await waitFor(() => fresh.text().includes("Typed just before the crash.") && fresh.text().includes("Typed while the server was down."), {
      message: "the re-synced edits",
    });
    client.destroy();
    fresh.destroy();
    child.process.kill("SIGTERM");
    await new Promise((resolve) => child.process.once("exit", resolve));
    const rows = await getPrisma().documentUpdate.count({ where: { documentId: document.id } });
    expect(rows).toBeGreaterThan(0);
  });
});

async function startServerProcess(port = 0): Promise<{ process: ChildProcess; port: number }> {
  const script = path.resolve(import.meta.dirname, "../support/serverProcess.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), NEXTAUTH_SECRET: TEST_AUTH_SECRET, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const listening = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`server process exited with ${code}: ${output}`)));
  });
  return { process: child, port: listening };
}
