// Issue 9: several nodes on one PostgreSQL and one Redis (docs/SYNC.md rules
// N1–N5), as a deployment runs them — the built server as separate
// processes, a real redis-server, and nginx in front with the README's
// configuration (docs/nginx/newsroom.conf). Real y-websocket clients.
import pg from "pg";
import { WebSocket } from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../lib/closeCodes";
import { createPostgresDocumentStore } from "../../server/collab/documentStore";
import { documentTextFromYDoc } from "../../server/documents/documentState";
import { startClusterNode, startNginx, type ClusterNode, type TestNginx } from "../support/clusterNode";
import { connectClient, type CollabClient } from "../support/collabClient";
import { buildIfStale } from "../support/productionServer";
import { startRedisServer, type TestRedis } from "../support/redisServer";
import { startTcpProxy, type TcpProxy } from "../support/tcpProxy";
import { createTestDocument, createTestUser, sessionCookie, useTestDatabase, waitFor } from "../support/testServer";

describe("several nodes on Redis", () => {
  useTestDatabase();
  let redis: TestRedis;
  let nodeA: ClusterNode;
  let nodeB: ClusterNode;
  let nginx: TestNginx;
  // The nodes reach PostgreSQL through this proxy, so a test can cut them off from it.
  let database: TcpProxy;
  const clients: CollabClient[] = [];
  const connect = (wsUrl: string, documentId: string, cookie: string) => {
    const client = connectClient(wsUrl, documentId, cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    buildIfStale();
    redis = await startRedisServer();
    const direct = new URL(inject("databaseUrl"));
    database = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    const throughProxy = new URL(direct);
    throughProxy.port = String(database.port);
    const shared = { databaseUrl: throughProxy.toString(), redisUrl: redis.url };
    [nodeA, nodeB] = await Promise.all([startClusterNode(shared), startClusterNode(shared)]);
    nginx = await startNginx([nodeA.port, nodeB.port]);
  }, 600_000);

  afterAll(async () => {
    for (const client of clients) {
      try {
        client.destroy();
      } catch {
        // Destroyed by its test already.
      }
    }
    await nginx?.stop();
    await Promise.allSettled([nodeA?.stop(), nodeB?.stop()]);
    await redis?.stop();
    await database?.close();
  }, 60_000);

  // A failing test shows what the nodes said.
  afterEach((context) => {
    if (context.task.result?.state !== "fail") return;
    for (const [name, node] of [["A", nodeA], ["B", nodeB]] as const) console.error(`--- node ${name}:\n${node?.output().slice(-4000)}`);
  });

  async function newDocument() {
    const editor = await createTestUser("editor", "Maria Keller");
    const analyst = await createTestUser("analyst", "Ayşe Demir");
    const document = await createTestDocument(editor, [{ id: analyst.id, role: "editor" }]);
    return { editor, analyst, document, editorCookie: await sessionCookie(editor), analystCookie: await sessionCookie(analyst) };
  }

  /** A new document with its editor synced on node A and its analyst on node B. */
  async function openOnBothNodes() {
    const created = await newDocument();
    const onA = connect(nodeA.wsUrl, created.document.id, created.editorCookie);
    const onB = connect(nodeB.wsUrl, created.document.id, created.analystCookie);
    await Promise.all([onA.waitSynced(), onB.waitSynced()]);
    return { ...created, onA, onB };
  }

  /** The document's text as stored in PostgreSQL (snapshot and log), read directly. */
  async function storedText(documentId: string): Promise<string> {
    const store = createPostgresDocumentStore();
    try {
      const loaded = await store.load(documentId);
      const doc = new Y.Doc();
      for (const update of loaded.updates) Y.applyUpdate(doc, update);
      return documentTextFromYDoc(doc);
    } finally {
      await store.close?.();
    }
  }

  const health = (node: ClusterNode) => fetch(`${node.url}/api/health`).then(async (response) => ({ status: response.status, body: await response.json() }));

  it("N1: editors on different nodes, and through nginx, converge; carets cross nodes; every node reports itself healthy", async () => {
    const { document, editorCookie, analystCookie, editor } = await newDocument();
    const onA = connect(nodeA.wsUrl, document.id, editorCookie);
    const onB = connect(nodeB.wsUrl, document.id, analystCookie);
    const viaNginx = connect(nginx.wsUrl, document.id, analystCookie);
    await Promise.all([onA.waitSynced(), onB.waitSynced(), viaNginx.waitSynced()]);

    onA.appendParagraph("From node A");
    onB.appendParagraph("From node B");
    viaNginx.appendParagraph("Through nginx");
    const all = (client: CollabClient) => ["From node A", "From node B", "Through nginx"].every((line) => client.text().includes(line));
    await waitFor(() => all(onA) && all(onB) && all(viaNginx), { timeout: 10_000, message: "the three editors to converge" });
    expect(onB.text()).toBe(onA.text());
    expect(viaNginx.text()).toBe(onA.text());

    // Presence: the caret of the editor on node A shows on node B, under the session's name.
    onA.provider.awareness.setLocalStateField("cursor", null);
    await waitFor(() => [...onB.provider.awareness.getStates().values()].some((state) => (state.user as { name?: string } | undefined)?.name === editor.name), {
      timeout: 10_000,
      message: "node A's caret to reach node B",
    });

    for (const node of [nodeA, nodeB]) {
      const { status, body } = await health(node);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: "ok", mode: "cluster", otherNodes: 1 });
    }
    expect((await fetch(`${nginx.url}/api/health`)).status).toBe(200);
  });

  it("routes on one node reach rooms on another: a restore through A edits the text on B; A's dashboard hears of B's editors and changes; 'editing now' on A lists B's editor; a removal through A closes the socket on B", async () => {
    const { document, editorCookie, analystCookie, analyst } = await newDocument();
    const writes = (node: ClusterNode) => ({ cookie: editorCookie, origin: node.url, "content-type": "application/json" });
    const onA = connect(nodeA.wsUrl, document.id, editorCookie);
    await onA.waitSynced();
    onA.appendParagraph("The text of version one");
    const named = await fetch(`${nodeA.url}/api/documents/${document.id}/versions`, { method: "POST", headers: writes(nodeA), body: JSON.stringify({ name: "First draft" }) });
    expect(named.status).toBe(201);
    const { number } = (await named.json()) as { number: number };

    const onB = connect(nodeB.wsUrl, document.id, analystCookie);
    await onB.waitSynced();
    onB.appendParagraph("Written later on node B");
    await waitFor(() => onA.text().includes("Written later on node B"), { message: "node B's edit to reach node A" });
    // Node A's room closes: the restore below opens one there while B's stays open.
    onA.destroy();

    const restored = await fetch(`${nodeA.url}/api/documents/${document.id}/versions/${number}/restore`, { method: "POST", headers: writes(nodeA) });
    expect(restored.status).toBe(201);
    await waitFor(() => onB.text() === "The text of version one", { timeout: 10_000, message: "the restore to reach the editor on node B" });

    // A dashboard open on node A hears of an editor joining on node B, and of a change made through B.
    const dashboardEvents: { type: string; documentId?: string }[] = [];
    const dashboard = new WebSocket(`ws://127.0.0.1:${nodeA.port}/live/newsroom`, { headers: { cookie: editorCookie } });
    dashboard.on("message", (data) => dashboardEvents.push(JSON.parse(String(data)) as { type: string; documentId?: string }));
    await waitFor(() => dashboardEvents.some((event) => event.type === "ready"), { message: "the dashboard channel on node A" });
    const heard = (type: string) => dashboardEvents.some((event) => event.type === type && event.documentId === document.id);
    const late = connect(nodeB.wsUrl, document.id, editorCookie);
    await late.waitSynced();
    await waitFor(() => heard("editing"), { timeout: 5_000, message: "node A's dashboard to hear of an editor on node B" });
    const renamed = await fetch(`${nodeB.url}/api/documents/${document.id}`, { method: "PATCH", headers: writes(nodeB), body: JSON.stringify({ title: "Renamed on node B" }) });
    expect(renamed.status).toBe(200);
    await waitFor(() => heard("document"), { timeout: 5_000, message: "node A's dashboard to hear of the rename through node B" });
    dashboard.close();

    const listed = await fetch(`${nodeA.url}/api/documents`, { headers: { cookie: editorCookie } });
    const { documents } = (await listed.json()) as { documents: { id: string; editingNow: { id: string }[] }[] };
    expect(documents.find((item) => item.id === document.id)?.editingNow.map((user) => user.id)).toContain(analyst.id);

    const removed = await fetch(`${nodeA.url}/api/documents/${document.id}/members/${analyst.id}`, { method: "DELETE", headers: writes(nodeA) });
    expect(removed.status).toBe(200);
    await waitFor(() => onB.closes.some((close) => close.code === CloseCode.notFound), { timeout: 10_000, message: "node B to close the removed member's socket" });
  });

  it("N2: with Redis down, nodes keep serving, answer 503 on /api/health, and converge through PostgreSQL; Redis back, all is well", async () => {
    const { onA, onB } = await openOnBothNodes();

    await redis.stop();
    try {
      await waitFor(async () => (await health(nodeA)).status === 503, { timeout: 15_000, message: "node A to report Redis unreachable" });
      expect((await health(nodeA)).body).toMatchObject({ status: "unavailable", error: "Redis unreachable" });

      onA.appendParagraph("Typed on A during the outage");
      onB.appendParagraph("Typed on B during the outage");
      const both = (client: CollabClient) => client.text().includes("Typed on A during the outage") && client.text().includes("Typed on B during the outage");
      // The catch-up bound (docs/SYNC.md N2): 2 s plus the write-behind's 250 ms; generous for a loaded machine.
      await waitFor(() => both(onA) && both(onB), { timeout: 15_000, message: "the nodes to converge through PostgreSQL" });
    } finally {
      await redis.start();
    }
    await waitFor(async () => (await health(nodeA)).status === 200 && (await health(nodeB)).status === 200, { timeout: 20_000, message: "both nodes healthy again" });
    onA.appendParagraph("After the outage");
    await waitFor(() => onB.text().includes("After the outage"), { timeout: 10_000, message: "relays to resume" });
  });

  it("a PostgreSQL outage: nodes keep relaying, answer 503 on /api/health, and store everything once it is back", async () => {
    const { document, onA, onB } = await openOnBothNodes();

    await database.cut();
    try {
      await waitFor(async () => (await health(nodeA)).status === 503, { timeout: 15_000, message: "node A to report the database unreachable" });
      expect((await health(nodeA)).body).toMatchObject({ status: "unavailable", error: "Database unreachable" });
      onA.appendParagraph("Typed on A while the database was away");
      await waitFor(() => onB.text().includes("Typed on A while the database was away"), { timeout: 10_000, message: "the relay through Redis" });
    } finally {
      await database.restore();
    }
    await waitFor(async () => (await health(nodeA)).status === 200, { timeout: 30_000, message: "node A healthy again" });
    await waitFor(async () => (await storedText(document.id)).includes("Typed on A while the database was away"), {
      timeout: 30_000,
      interval: 250,
      message: "the edit to be stored once the database is back",
    });
    await waitFor(() => onA.text() === onB.text(), { message: "both editors to hold the same text" });
  });

  it("N3: a node that crashes after relaying an edit it could not store: the other node stores it", async () => {
    const { document, onA, onB } = await openOnBothNodes();

    // Holding the document log's append lock (rule P5) keeps node A from storing what it accepts.
    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT pg_advisory_xact_lock($1, hashtext($2::text))", [0x4e5701, document.id]);
      onA.appendParagraph("Typed a moment before node A crashed");
      await waitFor(() => onB.text().includes("Typed a moment before node A crashed"), { message: "the relay to reach node B" });
      await nodeA.kill();
    } finally {
      await blocker.query("ROLLBACK").catch(() => {});
      await blocker.end();
    }

    // Node B keeps its room open (its editor is still there), so nothing but
    // rule N3 writes the crashed node's edit: it must reach the log.
    await waitFor(async () => (await storedText(document.id)).includes("Typed a moment before node A crashed"), {
      timeout: 20_000,
      interval: 250,
      message: "node B to store the crashed node's edit",
    });
  });
});
