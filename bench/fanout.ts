// Fan-out: N simulated editors (raw sockets in the two load generators) type
// in one document, each 5 characters a second at the end of its own
// paragraph, every keystroke one Yjs update plus one awareness update moving
// its caret; 4 full clients (the probe process) type the same way and time
// each other's edits (send → arrival in the other full clients' Y.Doc), then
// check convergence. One fresh document per point. The same function runs
// the 5-minute soak, binned into 30-second windows.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { monoNow } from "./clock";
import { createBenchDocument, type BenchUser } from "./fixtures";
import type { FullClientSpec } from "./fullClient";
import type { LoadPlan, RawClientSpec } from "./loadClients";
import type { LoadStats } from "./loadWorker";
import type { LagEdit, ServerLagHistogram } from "./persistenceLag";
import { processUsage, startCpuMeter, waitForQuietMachine } from "./machineLoad";
import type { ConvergeResult, RunSamples } from "./probeWorker";
import type { ServerUnderTest } from "./servers";
import { percentiles, sleep, type Percentiles } from "./stats";
import type { BenchContext } from "./workers";

export type FanoutOptions = {
  editors: number;
  seconds: number;
  warmupSeconds: number;
  keystrokesPerSecond: number;
  fullClients: number;
  /** Soak: report latency, RSS and CPU per window of this many seconds. */
  windowSeconds?: number;
};

export type LatencyStats = Percentiles & { pairs: number; lost: number };

export type FanoutWindow = { fromSeconds: number; latency: LatencyStats; serverRssMb: number; serverCpuPercent: number };

export type FanoutResult = {
  editors: number;
  seconds: number;
  /** Edit latency over every (edit, other full client) pair; a pair not delivered within the grace period counts as lost (Infinity). */
  latency: LatencyStats;
  converge: ConvergeResult;
  connectMs: number;
  serverCpuPercent: number;
  serverRssMb: number;
  serverMaxRssMb: number;
  serverLoopDelayP99Ms: number;
  serverAnswered: boolean;
  generatorCpuPercent: number;
  generatorMaxSendLagMs: number;
  probeCpuPercent: number;
  postgresCpuPercent: number;
  otherCpuPercent: number;
  offeredUpdatesPerSecond: number;
  offeredAwarenessPerSecond: number;
  framesReceivedPerSecond: number;
  mbReceivedPerSecond: number;
  maxBacklogKb: number;
  closes: Record<string, number>;
  /** Why this point counts as a collapse (undefined when it does not). */
  collapsed?: string;
  restarted: boolean;
  windows?: FanoutWindow[];
  /** Ours: its own accepted → stored histogram over the measured seconds (and the grace after them). */
  serverPersistenceLag?: ServerLagHistogram;
  /** For the persistence-lag analysis (not reported as such). */
  documentId: string;
  samples?: RunSamples;
  probeUserIds: string[];
};

const GRACE_MS = 10_000;
const CONVERGE_TIMEOUT_MS = 15_000;
const COLLAPSE_P99_MS = 5_000;

export async function runFanoutPoint(context: BenchContext, server: ServerUnderTest, options: FanoutOptions): Promise<FanoutResult> {
  const { workers, users, log } = context;
  const [probe] = workers.probes;
  const generators = workers.generators;
  const probeUsers = users.slice(0, options.fullClients);
  const editorUsers = users.slice(options.fullClients, options.fullClients + options.editors);
  if (!probe || editorUsers.length < options.editors) throw new Error(`need ${options.fullClients + options.editors} users`);
  const documentId = server.kind === "ours" ? await createBenchDocument(probeUsers[0]!, `Fan-out N=${options.editors}`) : randomUUID();
  const endpoint = server.endpoint;
  const cookie = (user: BenchUser) => (server.kind === "ours" ? user.cookie : undefined);
  const specs: FullClientSpec[] = probeUsers.map((user, index) => ({ endpoint, documentId, name: `Probe ${index}`, color: "#333333", cookie: cookie(user) }));
  let restarted = false;
  try {
    await probe.request("open", { specs }, 60_000);
    await probe.request("prepare", undefined, 60_000);

    // The simulated editors, split between the two generator processes.
    const maxDurationSeconds = options.warmupSeconds + options.seconds + GRACE_MS / 1000 + 10;
    const connectStarted = monoNow();
    await Promise.all(
      generators.map((generator, g) => {
        const mine = editorUsers.filter((_, index) => index % generators.length === g);
        const clients: RawClientSpec[] = mine.map((user) => ({ documentId, cookie: cookie(user), typing: true }));
        const plan: LoadPlan = { endpoint, clients, keystrokesPerSecond: options.keystrokesPerSecond, maxDurationSeconds, firstIndex: g * 10_000 };
        return generator.request("connect", plan, 180_000);
      }),
    );
    const connectMs = monoNow() - connectStarted;
    await Promise.all(generators.map((generator) => generator.request("start")));
    log(`    ${options.editors} editors connected in ${(connectMs / 1000).toFixed(1)} s; warming up ${options.warmupSeconds} s`);
    await sleep(options.warmupSeconds * 1000);

    const pids = workers.pids();
    const ours = () =>
      [server.pid, ...pids.generators, ...pids.probes, process.pid].reduce((total, pid) => total + (processUsage(pid)?.cpuMs ?? 0), 0) + (context.database?.cpuMs() ?? 0);
    const others = await waitForQuietMachine(ours, { maxWaitMs: 3_000, thresholdPercent: 25 });
    if (others >= 25) log(`    note: other processes are using ${others.toFixed(0)} % of a core; measuring anyway`);

    let serverAnswered = await server.resetLoopDelay(5_000).then(
      () => true,
      () => false,
    );
    await Promise.all(generators.map((generator) => generator.request<LoadStats>("stats", undefined, 30_000))); // zeroes the counters
    await server.persistenceLag({ reset: true });
    const meter = startCpuMeter({ server: [server.pid], generators: pids.generators, probe: [pids.probes[0]!], parent: [process.pid] }, context.database?.cpuMs);
    // RSS and CPU of the server once a second, from /proc (works while it is stuck).
    const samples: { mono: number; rss: number; cpuMs: number }[] = [];
    const sample = () => {
      const usage = processUsage(server.pid);
      if (usage) samples.push({ mono: monoNow(), rss: usage.rssBytes, cpuMs: usage.cpuMs });
    };
    sample();
    const sampler = setInterval(sample, 1000);
    const typingDone = probe.nextEvent<{ mono: number }>("typingDone", (options.seconds + 120) * 1000);
    const run = probe.request<RunSamples>(
      "run",
      { editsPerSecond: options.keystrokesPerSecond, seconds: options.seconds, caret: true, graceMs: GRACE_MS },
      (options.seconds + 120) * 1000 + GRACE_MS,
    );
    const started = monoNow();
    await typingDone;
    sample();
    clearInterval(sampler);
    const cpu = meter.stop();
    const counters = await Promise.all(generators.map((generator) => generator.request<LoadStats>("stats", undefined, 30_000)));
    await Promise.all(generators.map((generator) => generator.request("stopSending", undefined, 30_000)));
    const serverStats = await server.stats(5_000).catch(() => undefined);
    serverAnswered &&= serverStats !== undefined;
    const samplesRun = await run;
    const rawClocks = (await Promise.all(generators.map((generator) => generator.request<[number, number][]>("sentClocks", undefined, 30_000)))).flat();
    const converge = await probe.request<ConvergeResult>("converge", { rawClocks, timeoutMs: CONVERGE_TIMEOUT_MS }, CONVERGE_TIMEOUT_MS + 30_000);
    const serverPersistenceLag = await server.persistenceLag();

    const seconds = cpu.wallMs / 1000;
    const sum = (pick: (stats: LoadStats) => number) => counters.reduce((total, stats) => total + pick(stats), 0);
    const closes: Record<string, number> = {};
    for (const stats of counters) for (const [code, count] of Object.entries(stats.closes)) closes[code] = (closes[code] ?? 0) + count;
    const latency = latencyOf(samplesRun);
    // BENCH_DUMP_DIR=/some/dir: every point's raw samples as JSON (for looking at latency over time).
    if (process.env.BENCH_DUMP_DIR) {
      await fs.mkdir(process.env.BENCH_DUMP_DIR, { recursive: true });
      const file = path.join(process.env.BENCH_DUMP_DIR, `${server.kind}-${options.editors}-${Date.now()}.json`);
      await fs.writeFile(file, JSON.stringify({ started, samples: { ...samplesRun, sender: [...samplesRun.sender], sentMono: [...samplesRun.sentMono], arrivalMono: [...samplesRun.arrivalMono], sentWall: [], clock: [] }, usage: samples }));
    }
    const result: FanoutResult = {
      editors: options.editors,
      seconds: options.seconds,
      latency,
      converge,
      serverPersistenceLag,
      connectMs,
      serverCpuPercent: cpu.percent.server!,
      serverRssMb: (samples.at(-1)?.rss ?? NaN) / 2 ** 20,
      serverMaxRssMb: Math.max(...samples.map((entry) => entry.rss)) / 2 ** 20,
      serverLoopDelayP99Ms: serverAnswered ? (serverStats?.loopDelay.p99 ?? NaN) : NaN,
      serverAnswered,
      generatorCpuPercent: cpu.percent.generators!,
      generatorMaxSendLagMs: Math.max(...counters.map((stats) => stats.maxSendLagMs)),
      probeCpuPercent: cpu.percent.probe!,
      postgresCpuPercent: cpu.postgresPercent,
      otherCpuPercent: cpu.otherPercent,
      offeredUpdatesPerSecond: sum((stats) => stats.updatesSent) / seconds,
      offeredAwarenessPerSecond: sum((stats) => stats.awarenessSent) / seconds,
      framesReceivedPerSecond: sum((stats) => stats.framesReceived) / seconds,
      mbReceivedPerSecond: sum((stats) => stats.bytesReceived) / seconds / 2 ** 20,
      maxBacklogKb: Math.max(...counters.map((stats) => stats.maxBacklogBytes)) / 1024,
      closes,
      restarted,
      documentId,
      samples: samplesRun,
      probeUserIds: probeUsers.map((user) => user.id),
    };
    if (options.windowSeconds) result.windows = windowsOf(samplesRun, samples, started, options.windowSeconds, options.seconds);
    result.collapsed = collapseOf(result);
    return result;
  } finally {
    await Promise.all(generators.map((generator) => generator.request("disconnect", undefined, 60_000).catch(() => {})));
    await probe.request("closeClients", undefined, 30_000).catch(() => {});
    const idle = await server.waitUntilIdle(20_000);
    if (idle === false) {
      // An overloaded server may need minutes to work off its backlog: start a fresh one instead.
      log(`    ${server.label} still holds the document 20 s after everyone left; restarting it`);
      await server.restart({ force: true });
      restarted = true;
    }
  }
}

/** Why a point shows the server collapsed: a larger N would only measure a bigger backlog. */
function collapseOf(result: FanoutResult): string | undefined {
  if (!result.serverAnswered) return "the server stopped answering";
  if (result.latency.p99 > COLLAPSE_P99_MS) return `p99 ${result.latency.p99 === Infinity ? "lost" : `${(result.latency.p99 / 1000).toFixed(1)} s`} > 5 s`;
  if (result.latency.lost > result.latency.pairs * 0.2) return `${result.latency.lost} of ${result.latency.pairs} deliveries lost`;
  return undefined;
}

export function latencyOf(samples: RunSamples, filter: (edit: number) => boolean = () => true): LatencyStats {
  const values: number[] = [];
  let lost = 0;
  const k = samples.clients;
  for (let edit = 0; edit < samples.sender.length; edit++) {
    if (!filter(edit)) continue;
    for (let r = 0; r < k; r++) {
      if (r === samples.sender[edit]) continue;
      const arrival = samples.arrivalMono[edit * k + r]!;
      if (Number.isNaN(arrival)) {
        lost++;
        values.push(Infinity);
      } else {
        values.push(arrival - samples.sentMono[edit]!);
      }
    }
  }
  return { ...percentiles(values), pairs: values.length, lost };
}

function windowsOf(samples: RunSamples, usage: { mono: number; rss: number; cpuMs: number }[], started: number, windowSeconds: number, seconds: number): FanoutWindow[] {
  const windows: FanoutWindow[] = [];
  for (let from = 0; from < seconds; from += windowSeconds) {
    const lo = started + from * 1000;
    const hi = lo + windowSeconds * 1000;
    const inWindow = usage.filter((entry) => entry.mono >= lo && entry.mono <= hi);
    const first = inWindow[0];
    const last = inWindow.at(-1);
    windows.push({
      fromSeconds: from,
      latency: latencyOf(samples, (edit) => samples.sentMono[edit]! >= lo && samples.sentMono[edit]! < hi),
      serverRssMb: Math.max(...inWindow.map((entry) => entry.rss)) / 2 ** 20,
      serverCpuPercent: first && last && last.mono > first.mono ? ((last.cpuMs - first.cpuMs) / (last.mono - first.mono)) * 100 : NaN,
    });
  }
  return windows;
}

/** The measuring clients' edits of a run, for the persistence-lag analysis. */
export function runEdits(samples: RunSamples): LagEdit[] {
  const edits: LagEdit[] = [];
  const k = samples.clients;
  for (let edit = 0; edit < samples.sender.length; edit++) {
    const sender = samples.sender[edit]!;
    let first = Infinity;
    for (let r = 0; r < k; r++) if (r !== sender && !Number.isNaN(samples.arrivalMono[edit * k + r]!)) first = Math.min(first, samples.arrivalMono[edit * k + r]!);
    const offset = samples.sentWall[edit]! - samples.sentMono[edit]!;
    edits.push({ clientId: samples.clientIds[sender]!, clock: samples.clock[edit]!, sentWall: samples.sentWall[edit]!, firstArrivalWall: Number.isFinite(first) ? first + offset : NaN });
  }
  return edits;
}

/** Runs the points in order, all servers interleaved, each server until it collapses. */
export async function runFanoutSweep(
  context: BenchContext,
  servers: ServerUnderTest[],
  points: number[],
  base: Omit<FanoutOptions, "editors">,
): Promise<{ results: Map<string, FanoutResult[]>; notes: Map<string, string[]> }> {
  const results = new Map<string, FanoutResult[]>(servers.map((server) => [server.kind, []]));
  const notes = new Map<string, string[]>(servers.map((server) => [server.kind, []]));
  const stopped = new Set<string>();
  for (const editors of points) {
    for (const server of servers) {
      if (stopped.has(server.kind)) continue;
      // A failure (not a collapse: an error such as a refused connection) is retried once on fresh processes.
      for (let attempt = 0; attempt < 2; attempt++) {
        context.log(`  fan-out, ${server.label}, N = ${editors}${attempt ? " (retry)" : ""}`);
        try {
          const result = await runFanoutPoint(context, server, { ...base, editors });
          results.get(server.kind)!.push(result);
          context.log(
            `    p50 ${fmt(result.latency.p50)} ms, p99 ${fmt(result.latency.p99)} ms, lost ${result.latency.lost}/${result.latency.pairs}; ` +
              `converged ${result.converge.converged ? "yes" : `NO (${result.converge.detail})`}; server CPU ${result.serverCpuPercent.toFixed(0)} %, ` +
              `RSS ${result.serverMaxRssMb.toFixed(0)} MB; generators ${result.generatorCpuPercent.toFixed(0)} %, probe ${result.probeCpuPercent.toFixed(0)} %, other ${result.otherCpuPercent.toFixed(0)} %`,
          );
          if (result.collapsed) {
            stopped.add(server.kind);
            notes.get(server.kind)!.push(`collapsed at N = ${editors} (${result.collapsed}); larger N not run`);
            context.log(`    collapsed (${result.collapsed}): no larger N for ${server.label}`);
          }
          break;
        } catch (error) {
          const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
          context.log(`    N = ${editors} failed: ${reason}; restarting ${server.label} and the workers`);
          await server.restart({ force: true }).catch((restartError: unknown) => context.log(`    restart failed: ${String(restartError)}`));
          await context.workers.restart();
          if (attempt === 1) {
            stopped.add(server.kind);
            notes.get(server.kind)!.push(`N = ${editors} failed twice (${reason}); larger N not run`);
          }
        }
      }
    }
  }
  return { results, notes };
}

const fmt = (value: number) => (value === Infinity ? "lost" : Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : "–");

/** Two full clients alone in a document, each typing (with its caret) and timing the other's edits. */
export async function runIdleLatency(context: BenchContext, server: ServerUnderTest, options: { seconds: number; editsPerSecond: number }): Promise<LatencyStats & { serverCpuPercent: number }> {
  const [probe] = context.workers.probes;
  const [a, b] = context.users;
  const documentId = server.kind === "ours" ? await createBenchDocument(a!, "Idle latency") : randomUUID();
  const endpoint = server.endpoint;
  const specs: FullClientSpec[] = [a!, b!].map((user, index) => ({ endpoint, documentId, name: `Probe ${index}`, color: "#333333", cookie: server.kind === "ours" ? user.cookie : undefined }));
  try {
    await probe!.request("open", { specs }, 60_000);
    await probe!.request("prepare", undefined, 60_000);
    // Unrecorded edits through the whole path first (JIT, first allocations).
    await probe!.request<RunSamples>("run", { editsPerSecond: options.editsPerSecond, seconds: 2, caret: true, graceMs: 5_000 }, 60_000);
    const meter = startCpuMeter({ server: [server.pid] });
    const samples = await probe!.request<RunSamples>("run", { editsPerSecond: options.editsPerSecond, seconds: options.seconds, caret: true, graceMs: 5_000 }, (options.seconds + 60) * 1000);
    const cpu = meter.stop();
    return { ...latencyOf(samples), serverCpuPercent: cpu.percent.server! };
  } finally {
    await probe!.request("closeClients", undefined, 30_000).catch(() => {});
    await server.waitUntilIdle(10_000);
  }
}
