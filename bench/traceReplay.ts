// Replays a recorded editing trace (josephg/editing-traces, sequential
// format) through full client A into one paragraph's Y.XmlText, as fast as
// the provider sends, and measures: how long until client B has converged,
// what the server persisted (update-log rows and bytes, snapshot), and how
// long a fresh client takes to load the document cold (server restarted, so
// the room loads from PostgreSQL). The final text must equal the trace's
// endContent in every client, or the benchmark fails.
import fs from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { createBenchDocument, storedDocumentSize, type BenchUser, type StoredDocumentSize } from "./fixtures";
import { appendParagraph, connectFullClient, findParagraphText, plainText, type FullClient } from "./fullClient";
import type { BenchDatabase, BenchServer } from "./startBenchServer";
import { cpuMs, machineCpu, otherProcessesPercent, processUsage, waitForQuietMachine } from "./machineLoad";
import { QUIET_WAIT_MS } from "./scaling";
import { cpuPercent, median } from "./stats";

export type Patch = [position: number, deleteCount: number, insert: string];
export type Trace = { name: string; startContent: string; endContent: string; txns: { patches: Patch[] }[] };

export async function loadTrace(file: string, limit?: number): Promise<Trace> {
  const raw: unknown = JSON.parse(gunzipSync(await fs.readFile(file)).toString("utf8"));
  if (!isSequentialTrace(raw)) throw new Error(`${file} is not a sequential editing trace ({ startContent, endContent, txns: [{ patches }] })`);
  // Trace positions count code points; slicing JS strings (UTF-16) is only the same for ASCII.
  if (!/^[\x00-\x7f]*$/.test(raw.endContent) || !/^[\x00-\x7f]*$/.test(raw.startContent)) {
    throw new Error(`${file} has non-ASCII text: positions would need code-point conversion`);
  }
  const name = file.split("/").at(-1)!.replace(/\.json\.gz$/, "");
  if (limit === undefined || limit >= raw.txns.length) return { name, ...raw };
  // A prefix of the trace: its expected end state is computed on a plain string.
  const txns = raw.txns.slice(0, limit);
  let content = raw.startContent;
  for (const txn of txns) {
    for (const [position, deleteCount, insert] of txn.patches) content = content.slice(0, position) + insert + content.slice(position + deleteCount);
  }
  return { name: `${name} (first ${limit} transactions)`, startContent: raw.startContent, endContent: content, txns };
}

function isSequentialTrace(value: unknown): value is Omit<Trace, "name"> {
  if (typeof value !== "object" || value === null) return false;
  const trace = value as Partial<Trace>;
  return typeof trace.endContent === "string" && typeof trace.startContent === "string" && Array.isArray(trace.txns) && (trace.txns[0] === undefined || Array.isArray(trace.txns[0].patches));
}

/** Milliseconds from creating the client to its socket being open, and to its document being synced (text verified). */
export type ColdLoad = { openMs: number; syncedMs: number };

export type TraceReplayResult = {
  trace: string;
  transactions: number;
  patches: number;
  yTransactions: number;
  finalLength: number;
  /** Time A spent applying the edits to its own Y.Doc. */
  localApplyMs: number;
  /** From the first edit until A had handed its last update to the socket. */
  sendMs: number;
  /** From the first edit until B's document held all of A's edits. */
  convergeMs: number;
  serverCpuPercentDuringReplay: number;
  /** Clients A and B (one process), PostgreSQL, and all other processes on the machine, during the replay. */
  clientsCpuPercentDuringReplay: number;
  postgresCpuPercentDuringReplay: number;
  otherProcessesCpuPercentDuringReplay: number;
  flushMs: number;
  stored: StoredDocumentSize;
  /** Sizes of B's state, for comparison with the stored snapshot. */
  stateBytesV1: number;
  stateBytesV2: number;
  /** Median time to apply the V1 state to an empty Y.Doc, in this process. */
  stateApplyMs: number;
  /** A fresh client loading the document: first after a server restart, then with the process warm but the room unloaded. */
  coldLoadAfterRestart: ColdLoad;
  coldLoadRoomOnly: ColdLoad[];
  serverRssAfterLoadMb: number;
};

export async function runTraceReplay(
  server: BenchServer,
  database: BenchDatabase,
  users: BenchUser[],
  trace: Trace,
  options: { editsPerTransaction: number; roomColdLoads: number },
  log: (line: string) => void,
): Promise<TraceReplayResult> {
  const [userA, userB, userC] = users;
  if (!userA || !userB || !userC) throw new Error("need 3 users");
  const documentId = await createBenchDocument(userA, `Trace replay: ${trace.name}`);
  const clients: FullClient[] = [];
  const { endContent } = trace;
  try {
    const a = connectFullClient(server.wsUrl, documentId, userA);
    const b = connectFullClient(server.wsUrl, documentId, userB);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    const { paragraph, text } = appendParagraph(a);
    const receiver = await findParagraphText(b, paragraph);
    if (trace.startContent) text.insert(0, trace.startContent);

    // B reports the moment it holds everything A has written (A's clock in B's state vector).
    let targetClock = Infinity;
    let convergedAt = 0;
    let resolveConverged!: () => void;
    const converged = new Promise<void>((resolve) => (resolveConverged = resolve));
    const check = () => {
      if (convergedAt === 0 && Y.getState(b.doc.store, a.doc.clientID) >= targetClock) {
        convergedAt = performance.now();
        resolveConverged();
      }
    };
    b.doc.on("afterTransaction", check);

    const ours = () => (processUsage(server.pid)?.cpuMs ?? 0) + (database.cpuMs() ?? 0) + cpuMs({ user: 0, system: 0 }, process.cpuUsage());
    await waitForQuietMachine(ours, { maxWaitMs: QUIET_WAIT_MS, thresholdPercent: 25 });
    const serverBefore = await server.stats();
    const machineBefore = machineCpu();
    const postgresBefore = database.cpuMs();
    const clientsBefore = process.cpuUsage();
    const patches = trace.txns.reduce((total, txn) => total + txn.patches.length, 0);
    log(`  replaying ${trace.txns.length} transactions (${patches} patches) of ${trace.name}, ${options.editsPerTransaction} per Y transaction`);
    const started = performance.now();
    let localApplyMs = 0;
    let yTransactions = 0;
    for (let first = 0; first < trace.txns.length; first += options.editsPerTransaction) {
      const t0 = performance.now();
      a.doc.transact(() => {
        for (const txn of trace.txns.slice(first, first + options.editsPerTransaction)) {
          for (const [position, deleteCount, insert] of txn.patches) {
            if (deleteCount > 0) text.delete(position, deleteCount);
            if (insert) text.insert(position, insert);
          }
        }
      });
      localApplyMs += performance.now() - t0;
      yTransactions++;
      // Let the socket write and B receive between transactions, as an editor would.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const sendMs = performance.now() - started;
    targetClock = Y.getState(a.doc.store, a.doc.clientID);
    check();
    const timeout = setTimeout(() => resolveConverged(), 180_000);
    await converged;
    clearTimeout(timeout);
    b.doc.off("afterTransaction", check);
    if (convergedAt === 0) throw new Error("client B did not converge within 180 s");
    const convergeMs = convergedAt - started;
    const clientsAfter = process.cpuUsage();
    const machineAfter = machineCpu();
    const postgresAfter = database.cpuMs();
    const serverAfter = await server.stats();
    const elapsedMs = performance.now() - started;
    const postgresMs = postgresBefore !== undefined && postgresAfter !== undefined ? postgresAfter - postgresBefore : NaN;
    const oursMs = cpuMs(serverBefore.cpu, serverAfter.cpu) + cpuMs(clientsBefore, clientsAfter) + (Number.isFinite(postgresMs) ? postgresMs : 0);
    log(`  B converged after ${(convergeMs / 1000).toFixed(2)} s (A applied its edits in ${(localApplyMs / 1000).toFixed(2)} s)`);

    verifyText("client A", plainText(text), endContent);
    verifyText("client B", plainText(receiver), endContent);
    const stateBytesV1 = Y.encodeStateAsUpdate(b.doc).byteLength;
    const stateBytesV2 = Y.encodeStateAsUpdateV2(b.doc).byteLength;
    const state = Y.encodeStateAsUpdate(b.doc);
    const applyTimes = [0, 1, 2].map(() => {
      const doc = new Y.Doc();
      const t0 = performance.now();
      Y.applyUpdate(doc, state);
      const elapsed = performance.now() - t0;
      doc.destroy();
      return elapsed;
    });
    const stateApplyMs = median(applyTimes);

    const flushStarted = performance.now();
    if (!(await server.flush(documentId))) throw new Error("the trace's room was not open on the server");
    const flushMs = performance.now() - flushStarted;
    const stored = await storedDocumentSize(documentId);

    for (const client of clients.splice(0)) client.destroy();
    await server.waitForNoRooms();
    await server.restart();

    const coldLoad = async (): Promise<ColdLoad> => {
      const started = performance.now();
      const c = connectFullClient(server.wsUrl, documentId, userC);
      clients.push(c);
      let openMs = NaN;
      c.provider.on("status", ({ status }: { status: string }) => {
        if (status === "connected" && Number.isNaN(openMs)) openMs = performance.now() - started;
      });
      try {
        await c.synced(120_000);
        const syncedMs = performance.now() - started;
        const first = c.fragment.get(0);
        const loaded = first instanceof Y.XmlElement ? first.get(0) : undefined;
        if (!(loaded instanceof Y.XmlText)) throw new Error("the loaded document has no paragraph text");
        verifyText("a fresh client after a cold load", plainText(loaded), endContent);
        return { openMs, syncedMs };
      } finally {
        clients.splice(clients.indexOf(c), 1);
        c.destroy();
        await server.waitForNoRooms();
      }
    };
    const coldLoadAfterRestart = await coldLoad();
    const serverRssAfterLoadMb = (await server.stats()).maxRssBytes / 2 ** 20;
    const coldLoadRoomOnly: ColdLoad[] = [];
    for (let i = 0; i < options.roomColdLoads; i++) coldLoadRoomOnly.push(await coldLoad());
    log(
      `  cold load: ${coldLoadAfterRestart.syncedMs.toFixed(0)} ms after restart, ` +
        `median ${median(coldLoadRoomOnly.map((load) => load.syncedMs)).toFixed(0)} ms room-only`,
    );

    return {
      trace: trace.name,
      transactions: trace.txns.length,
      patches,
      yTransactions,
      finalLength: endContent.length,
      localApplyMs,
      sendMs,
      convergeMs,
      serverCpuPercentDuringReplay: cpuPercent(serverBefore.cpu, serverAfter.cpu, elapsedMs),
      clientsCpuPercentDuringReplay: cpuPercent(clientsBefore, clientsAfter, elapsedMs),
      postgresCpuPercentDuringReplay: (postgresMs / elapsedMs) * 100,
      otherProcessesCpuPercentDuringReplay: otherProcessesPercent(machineBefore, machineAfter, oursMs, elapsedMs),
      flushMs,
      stored,
      stateBytesV1,
      stateBytesV2,
      stateApplyMs,
      coldLoadAfterRestart,
      coldLoadRoomOnly,
      serverRssAfterLoadMb,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}

function verifyText(who: string, actual: string, expected: string): void {
  if (actual === expected) return;
  let index = 0;
  while (index < actual.length && actual[index] === expected[index]) index++;
  throw new Error(
    `TRACE REPLAY DIVERGED: ${who} has ${actual.length} chars, expected ${expected.length}; first difference at ${index}: ` +
      `${JSON.stringify(actual.slice(index, index + 40))} vs ${JSON.stringify(expected.slice(index, index + 40))}`,
  );
}

