// Latency between two full clients while N lightweight editors type and move
// their carets in the same document (one fresh document per N). The load
// generator runs in its own process. CPU and memory of the server and the
// generator are read from /proc, so they are measured even when an
// overloaded server stops answering; the event-loop delay comes from the
// server itself over IPC, when it answers.
import type { ChildHandle } from "./childProcess";
import { countLogRows, createBenchDocument, type BenchUser } from "./fixtures";
import { connectFullClient, type FullClient } from "./fullClient";
import { measureLatency, prepareLatencyProbe, type LatencyResult } from "./latency";
import type { LoadPlan } from "./loadClients";
import type { LoadStats } from "./loadWorker";
import { cpuMs, machineCpu, otherProcessesPercent, processUsage, waitForQuietMachine, type ProcessUsage } from "./machineLoad";
import type { BenchDatabase, BenchServer } from "./startBenchServer";
import { cpuPercent, sleep } from "./stats";

export type ScalingOptions = {
  editors: number;
  samples: number;
  editsPerSecond: number;
  warmupSeconds: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
};

export type ScalingResult = {
  editors: number;
  latency: LatencyResult;
  connectMs: number;
  serverCpuPercent: number;
  serverRssMb: number;
  serverMaxRssMb: number;
  /** NaN when the server did not answer within a few seconds (its event loop was stuck). */
  serverLoopDelayP99Ms: number;
  serverLoopDelayMaxMs: number;
  serverAnswered: boolean;
  generatorCpuPercent: number;
  generatorMaxSendLagMs: number;
  /** The two measuring clients (this process). */
  clientsCpuPercent: number;
  /** PostgreSQL (postmaster and backends). */
  postgresCpuPercent: number;
  /** Everything else running on the machine meanwhile (other people's tests, browsers…). */
  otherProcessesCpuPercent: number;
  /** Updates and awareness messages the simulated editors sent per second. */
  offeredUpdatesPerSecond: number;
  offeredAwarenessPerSecond: number;
  /** Messages the simulated editors received per second, and the share of what a full fan-out would deliver. */
  deliveredMessagesPerSecond: number;
  deliveredShare: number;
  deliveredMbPerSecond: number;
  closes: Record<string, number>;
  /** Update-log rows the server stored per second during the window (it compacts into a snapshot every COMPACT_AFTER_ROWS rows). */
  logRowsPerSecond: number;
  /** The server had to be killed and restarted after this point (it did not drain and unload in time). */
  serverRestarted: boolean;
};

const IPC_TIMEOUT_MS = 10_000;
/** Longest wait for other processes to calm down before a measurement window. */
export const QUIET_WAIT_MS = 10_000;

export async function runScalingPoint(
  server: BenchServer,
  database: BenchDatabase,
  loadWorker: ChildHandle,
  users: BenchUser[],
  options: ScalingOptions,
  log: (line: string) => void,
): Promise<ScalingResult> {
  const [userA, userB, ...others] = users;
  if (!userA || !userB || others.length < options.editors) throw new Error(`need ${options.editors + 2} users`);
  const documentId = await createBenchDocument(userA, `Scaling N=${options.editors}`);
  const clients: FullClient[] = [];
  let result: ScalingResult | undefined;
  try {
    const a = connectFullClient(server.wsUrl, documentId, userA);
    clients.push(a);
    const b = connectFullClient(server.wsUrl, documentId, userB);
    clients.push(b);
    await Promise.all([a.synced(), b.synced()]);
    const probe = await prepareLatencyProbe(a, b);
    // Unrecorded edits through the whole path before anything is measured.
    await measureLatency(probe, { samples: 20, editsPerSecond: options.editsPerSecond });

    const maxDurationSeconds = options.warmupSeconds + options.samples / options.editsPerSecond + 30;
    const plan: LoadPlan = {
      wsUrl: server.wsUrl,
      documentId,
      cookies: others.slice(0, options.editors).map((user) => user.cookie),
      updatesPerSecond: options.updatesPerSecond,
      awarenessPerSecond: options.awarenessPerSecond,
      maxDurationSeconds,
    };
    let connectMs = 0;
    if (options.editors > 0) {
      ({ ms: connectMs } = await loadWorker.request<{ ms: number }>("connect", plan, 120_000));
      await loadWorker.request("start");
      log(`  N=${options.editors}: ${options.editors} editors connected in ${connectMs.toFixed(0)} ms; warming up ${options.warmupSeconds} s`);
      await sleep(options.warmupSeconds * 1000);
    }

    const serverPid = server.pid;
    const generatorPid = loadWorker.child.pid ?? -1;
    // On a shared machine, let someone else's burst pass before measuring (bounded).
    const ours = () =>
      (processUsage(serverPid)?.cpuMs ?? 0) + (processUsage(generatorPid)?.cpuMs ?? 0) + (database.cpuMs() ?? 0) + cpuMs({ user: 0, system: 0 }, process.cpuUsage());
    const othersBeforeWindow = await waitForQuietMachine(ours, { maxWaitMs: QUIET_WAIT_MS, thresholdPercent: 25 });
    if (othersBeforeWindow >= 25) log(`  note: other processes are using ${othersBeforeWindow.toFixed(0)} % of a core; measuring anyway`);
    let serverAnswered = await server.resetLoopDelay(IPC_TIMEOUT_MS).then(
      () => true,
      () => false,
    );
    const serverBefore = await usageOf(serverPid, () => server.stats(IPC_TIMEOUT_MS));
    const generatorBefore = processUsage(generatorPid);
    await loadWorker.request<LoadStats>("stats", undefined, 30_000); // zeroes the counters
    const rowsBefore = await countLogRows(documentId);
    const postgresBefore = database.cpuMs();
    const machineBefore = machineCpu();
    const clientsBefore = process.cpuUsage();
    const started = performance.now();
    const latency = await measureLatency(probe, { samples: options.samples, editsPerSecond: options.editsPerSecond });
    const wallMs = performance.now() - started;
    const clientsAfter = process.cpuUsage();
    const machineAfter = machineCpu();
    const postgresAfter = database.cpuMs();
    const serverAfter = await usageOf(serverPid, () => server.stats(IPC_TIMEOUT_MS));
    const generatorAfter = processUsage(generatorPid);
    const rowsAfter = await countLogRows(documentId);
    const counters = await loadWorker.request<LoadStats>("stats", undefined, 30_000);
    await loadWorker.request("stopSending", undefined, 30_000);
    const serverStats = await server.stats(IPC_TIMEOUT_MS).catch(() => undefined);
    serverAnswered &&= serverStats !== undefined;
    // A reset that timed out may have run just before this answer: the histogram then means nothing.
    const loopDelay = serverAnswered ? serverStats?.loopDelay : undefined;

    const seconds = wallMs / 1000;
    const n = options.editors;
    const serverCpuMs = serverBefore && serverAfter ? serverAfter.cpuMs - serverBefore.cpuMs : NaN;
    const generatorCpuMs = generatorBefore && generatorAfter ? generatorAfter.cpuMs - generatorBefore.cpuMs : NaN;
    const clientsCpuMs = cpuMs(clientsBefore, clientsAfter);
    const postgresCpuMs = postgresBefore !== undefined && postgresAfter !== undefined ? postgresAfter - postgresBefore : NaN;
    // Per second, a full fan-out sends every update and awareness change of
    // each editor to the N-1 other editors (plus A's edits to all of them).
    const offeredUpdates = counters.updatesSent / seconds;
    const offeredAwareness = counters.awarenessSent / seconds;
    const expectedDelivered = n > 0 ? (offeredUpdates + offeredAwareness) * (n - 1) + options.editsPerSecond * n : 0;
    const delivered = counters.messagesReceived / seconds;
    result = {
      editors: n,
      latency,
      connectMs,
      serverCpuPercent: (serverCpuMs / wallMs) * 100,
      serverRssMb: (serverAfter?.rssBytes ?? NaN) / 2 ** 20,
      serverMaxRssMb: (serverAfter?.maxRssBytes ?? NaN) / 2 ** 20,
      serverLoopDelayP99Ms: loopDelay?.p99 ?? NaN,
      serverLoopDelayMaxMs: loopDelay?.max ?? NaN,
      serverAnswered,
      generatorCpuPercent: n > 0 ? (generatorCpuMs / wallMs) * 100 : 0,
      generatorMaxSendLagMs: counters.maxSendLagMs,
      clientsCpuPercent: cpuPercent(clientsBefore, clientsAfter, wallMs),
      postgresCpuPercent: (postgresCpuMs / wallMs) * 100,
      otherProcessesCpuPercent: otherProcessesPercent(
        machineBefore,
        machineAfter,
        serverCpuMs + (n > 0 ? generatorCpuMs : 0) + clientsCpuMs + (Number.isFinite(postgresCpuMs) ? postgresCpuMs : 0),
        wallMs,
      ),
      offeredUpdatesPerSecond: offeredUpdates,
      offeredAwarenessPerSecond: offeredAwareness,
      deliveredMessagesPerSecond: delivered,
      deliveredShare: expectedDelivered > 0 ? delivered / expectedDelivered : NaN,
      deliveredMbPerSecond: counters.bytesReceived / seconds / 2 ** 20,
      closes: counters.closes,
      logRowsPerSecond: (rowsAfter - rowsBefore) / seconds,
      serverRestarted: false,
    };
    return result;
  } finally {
    await loadWorker.request("disconnect", undefined, 60_000).catch(() => {});
    for (const client of clients) client.destroy();
    try {
      await server.waitForNoRooms(20_000);
    } catch (error) {
      // An overloaded server may need minutes to work off its backlog: start a fresh one instead.
      log(`  the server did not unload the document within 20 s (${String(error).slice(0, 120)}); killing and restarting it`);
      await server.restart({ force: true });
      if (result) result.serverRestarted = true;
    }
  }
}

/** CPU and memory of a process from /proc, or over IPC where /proc is not available. */
async function usageOf(pid: number, ipc: () => Promise<{ cpu: NodeJS.CpuUsage; rssBytes: number; maxRssBytes: number }>): Promise<ProcessUsage | undefined> {
  const fromProc = processUsage(pid);
  if (fromProc) return fromProc;
  const stats = await ipc().catch(() => undefined);
  return stats && { cpuMs: (stats.cpu.user + stats.cpu.system) / 1000, rssBytes: stats.rssBytes, maxRssBytes: stats.maxRssBytes };
}
