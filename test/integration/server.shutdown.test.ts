// SYNC.md rule P2 for the process that production runs: `npm start` (the
// built server on plain node, npm's direct child) gets SIGTERM while it is
// busy — sent to the whole process group (a terminal, Playwright, a process
// group kill) or to npm alone (what Docker, or systemd with KillMode=mixed,
// sends a service's main process) — and stores every edit it accepted, stops
// its PostgreSQL after that, and leaves no process behind. And the bundle runs
// as `node dist/server/main.js` from any working directory.
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectDir } from "../../server/projectDir";
import { connectClient, type CollabClient } from "../support/collabClient";
import {
  buildIfStale,
  connectToServerDatabase,
  freePort,
  killLeftovers,
  makeDataDir,
  processesUsing,
  startProductionServer,
  waitUntilGone,
  type ProductionServer,
} from "../support/productionServer";
import { sessionCookie, waitFor } from "../support/testServer";

/** Separate updates the writer sends at once, each its own websocket message. */
const BURST = 20_000;
/** The same into another document, sent just before the signal: the server is busy taking it in when the signal comes. */
const LOAD_BURST = 20_000;
/** Generous: a stop applies and stores every frame already received, on a machine others share. */
const STOP_TIMEOUT_MS = 180_000;

const clients: CollabClient[] = [];
const servers: ProductionServer[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) killLeftovers(server);
  for (const dataDir of dataDirs.splice(0)) await fs.rm(dataDir, { recursive: true, force: true });
});

async function start(dataDir: string, port: number, how?: Parameters<typeof startProductionServer>[2]): Promise<ProductionServer> {
  const server = await startProductionServer(dataDir, port, how);
  servers.push(server);
  return server;
}

async function newDataDir(): Promise<string> {
  const dataDir = await makeDataDir();
  dataDirs.push(dataDir);
  return dataDir;
}

function connect(server: ProductionServer, documentId: string, cookie: string): CollabClient {
  const client = connectClient(server.wsUrl, documentId, cookie);
  clients.push(client);
  return client;
}

const signals = [
  { target: "the whole process group", send: (server: ProductionServer) => process.kill(-server.top.pid!, "SIGTERM") },
  { target: "the npm process alone", send: (server: ProductionServer) => process.kill(server.top.pid!, "SIGTERM") },
];

describe("the production server", () => {
  // The build (when sources changed) is what npm start's prestart would do; done once here.
  beforeAll(() => buildIfStale(), 600_000);

  it.each(signals)(
    "P2: SIGTERM to $target while the server is busy stores every edit, then stops PostgreSQL, and no process is left",
    async ({ send }) => {
      const dataDir = await newDataDir();
      const port = await freePort();
      let server = await start(dataDir, port);

      const db = connectToServerDatabase(dataDir);
      const user = await db.user.create({ data: { email: `writer-${port}@test.invalid`, name: "Writer", role: "analyst", passwordHash: "-" } });
      const newDocument = () =>
        db.document.create({ data: { title: "Burst", createdById: user.id, members: { create: [{ userId: user.id, role: "editor" }] } } });
      const document = await newDocument();
      const busyDocument = await newDocument();
      // The cookie names a session row in this server's own database.
      const session = await db.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 60 * 60 * 1000) } });
      await db.$disconnect();
      const cookie = await sessionCookie(user, { sessionId: session.id });

      const writer = connect(server, document.id, cookie);
      const observer = connect(server, document.id, cookie);
      const load = connect(server, busyDocument.id, cookie);
      const loadObserver = connect(server, busyDocument.id, cookie);
      await Promise.all([writer, observer, load, loadObserver].map((client) => client.waitSynced()));

      writer.appendParagraph("");
      let length = 0;
      for (let i = 0; i < BURST; i++) {
        const word = `${i} `;
        writer.insertText(0, length, word); // one transaction, one update, one message
        length += word.length;
      }
      const typed = writer.text();
      expect(typed.length).toBe(length);
      // What the observer has, the server has accepted: from here on it must all be stored.
      await waitFor(() => observer.text() === typed, { timeout: 240_000, interval: 50, message: "the server to accept the whole burst" });

      // Then a burst into another document, and the signal while the server is taking it in.
      load.appendParagraph("");
      for (let i = 0; i < LOAD_BURST; i++) load.insertText(0, 0, "x");
      send(server);
      await waitUntilGone(server, STOP_TIMEOUT_MS);
      expect(server.output()).toContain('"msg":"SIGTERM: saving open documents and stopping…"');
      expect(server.output()).toContain('"msg":"Stopped."');
      // A signal to the group arrives twice (directly, and relayed by npm): still one stop.
      expect(server.output()).not.toContain("Forced exit");
      // PostgreSQL was stopped by the server (pg_ctl's fast mode), never by the signal (smart mode).
      const postgresLog = readFileSync(path.join(dataDir, "postgres.log"), "utf8");
      expect(postgresLog).toContain("received fast shutdown request");
      expect(postgresLog).not.toContain("received smart shutdown request");
      expect(processesUsing(dataDir)).toEqual([]);
      const loadSeen = loadObserver.text().length;
      // Gone before the restart, so that no client can re-send what the server failed to store (P3).
      for (const client of clients.splice(0)) client.destroy();

      server = await start(dataDir, port);
      const reader = connect(server, document.id, cookie);
      await reader.waitSynced();
      expect(reader.text()).toBe(typed);
      // Of the other burst, the server had not necessarily read everything, but
      // what it had sent on to others it had accepted, so it is stored too.
      const loadReader = connect(server, busyDocument.id, cookie);
      await loadReader.waitSynced();
      expect(loadReader.text().length).toBeGreaterThanOrEqual(loadSeen);
      expect(loadReader.text().length).toBeLessThanOrEqual(LOAD_BURST);

      process.kill(-server.top.pid!, "SIGTERM");
      await waitUntilGone(server, STOP_TIMEOUT_MS);
      expect(processesUsing(dataDir)).toEqual([]);
    },
    600_000,
  );

  it("runs as node dist/server/main.js from another working directory: pages, migrations, the bundled import worker; P2: SIGTERM stops it", async () => {
    const dataDir = await newDataDir();
    const port = await freePort();
    const server = await start(dataDir, port, { command: process.execPath, args: [path.join(projectDir(), "dist/server/main.js")], cwd: os.tmpdir() });
    expect(server.serverPid).toBe(server.top.pid);
    expect((await fetch(`http://127.0.0.1:${port}/signin`)).status).toBe(200);

    const db = connectToServerDatabase(dataDir);
    const user = await db.user.create({ data: { email: `importer-${port}@test.invalid`, name: "Importer", role: "analyst", passwordHash: "-" } });
    const session = await db.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 60 * 60 * 1000) } });
    await db.$disconnect();
    const imported = await fetch(`http://127.0.0.1:${port}/api/documents/import`, {
      method: "POST",
      headers: { cookie: await sessionCookie(user, { sessionId: session.id }), "content-type": "application/json" },
      body: JSON.stringify({ format: "markdown", content: "# Parsed in the worker\n\nFrom the bundle." }),
    });
    expect(imported.status).toBe(201);

    process.kill(server.top.pid!, "SIGTERM");
    await waitUntilGone(server, STOP_TIMEOUT_MS);
    expect(server.output()).toContain('"msg":"Stopped."');
    expect(processesUsing(dataDir)).toEqual([]);
  }, 300_000);
});
