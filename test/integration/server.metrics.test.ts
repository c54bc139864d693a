// GET /api/metrics on the production build (node dist/server/main.js): the
// route runs in Next's copy of the server modules, the sync server in the
// custom server's; the registry is one per process, so a socket the sync
// server admitted shows in what the route serves. And without METRICS_TOKEN
// the route does not exist.
import fs from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectClient, type CollabClient } from "../support/collabClient";
import {
  buildIfStale,
  connectToServerDatabase,
  freePort,
  killLeftovers,
  makeDataDir,
  startProductionServer,
  waitUntilGone,
  type ProductionServer,
} from "../support/productionServer";
import { sessionCookie, waitFor } from "../support/testServer";

const TOKEN = "production-metrics-token-0123456789";

const sample = (text: string, name: string) => {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
};

describe("GET /api/metrics on the built server", () => {
  let dataDir = "";
  const started: ProductionServer[] = [];
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    buildIfStale();
    dataDir = await makeDataDir();
  }, 600_000);
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of started.splice(0)) killLeftovers(server);
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  async function stop(server: ProductionServer) {
    process.kill(-server.top.pid!, "SIGTERM");
    await waitUntilGone(server);
  }

  it("serves the sync server's figures to the token's bearer", async () => {
    const server = await startProductionServer(dataDir, await freePort(), { command: process.execPath, args: ["dist/server/main.js"], env: { METRICS_TOKEN: TOKEN } });
    started.push(server);
    const url = `http://127.0.0.1:${server.port}/api/metrics`;
    expect((await fetch(url)).status).toBe(401);

    // Someone with a session and a document on this server's own database.
    const prisma = connectToServerDatabase(dataDir);
    try {
      const user = await prisma.user.create({ data: { email: "metrics@newsroom.test", name: "Metrics", role: "analyst", passwordHash: "x" } });
      const session = await prisma.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
      const document = await prisma.document.create({ data: { title: "Measured", createdById: user.id, members: { create: { userId: user.id, role: "editor" } } } });
      const client = connectClient(server.wsUrl, document.id, await sessionCookie(user, { sessionId: session.id }));
      clients.push(client);
      await client.waitSynced();
      client.appendParagraph("Counted.");

      await waitFor(
        async () => {
          const text = await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
          return sample(text, "newsroom_collab_connections") === 1 && (sample(text, "newsroom_collab_updates_received_total") ?? 0) > 0;
        },
        { timeout: 10_000, message: "the route to show the sync server's socket and update" },
      );
    } finally {
      await prisma.$disconnect();
    }
    await stop(server);
  }, 180_000);

  it("does not exist without METRICS_TOKEN", async () => {
    const server = await startProductionServer(dataDir, await freePort(), { command: process.execPath, args: ["dist/server/main.js"], env: { METRICS_TOKEN: "" } });
    started.push(server);
    expect((await fetch(`http://127.0.0.1:${server.port}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    // The log is JSON lines.
    expect(server.output()).toMatch(/\{"level":"info","time":"[^"]+","service":"newsroom","component":"server","msg":"Ready in /);
    await stop(server);
  }, 180_000);
});
