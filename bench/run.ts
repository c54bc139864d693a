// `npm run bench`: starts its own PostgreSQL, the three servers under test
// (ours, Hocuspocus, y-websocket's reference server) each in a child process,
// two load-generator processes and two probe processes; runs the workloads
// against every server in the same run; prints a summary and, on a full run,
// rewrites docs/benchmarks.md. Everything it starts is stopped on success,
// on failure and on Ctrl+C. BENCH_QUICK, BENCH_SERVERS, BENCH_WORKLOADS…:
// see bench/README.md.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runBurst, writeUpdatesFile, type BurstResult } from "./bursts";
import { killStartedChildren, REPO_DIR } from "./childProcess";
import { benchConfig, type Workload } from "./config";
import { runColdLoads, runLiveJoins } from "./coldLoad";
import { startBenchDatabase, type BenchDatabase } from "./database";
import { runEdits, runFanoutPoint, runFanoutSweep, runIdleLatency } from "./fanout";
import { createBenchUsers, type BenchUser } from "./fixtures";
import { runHistoryBench } from "./historyBench";
import { runIdleMemory } from "./idleMemory";
import { runImportBench } from "./importBench";
import { describeMachine, peerVersions } from "./machine";
import { lagHistogram, waitForRows } from "./persistenceLag";
import type { ServerKind } from "./protocol";
import { consoleSummary, kneeOf, markdownReport, type BenchResults } from "./report";
import { newAuthSecret, startServer, type ServerUnderTest } from "./servers";
import { median } from "./stats";
import { applyFloorMs, loadTrace, traceUpdates, type TraceUpdates } from "./traces";
import { startWorkers, type BenchContext, type Workers } from "./workers";

const REPORT_FILE = path.join(REPO_DIR, "docs", "benchmarks.md");
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

let database: BenchDatabase | undefined;
const servers = new Map<ServerKind, ServerUnderTest>();
let workers: Workers | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    await workers?.stop().catch(() => {});
    await Promise.all([...servers.values()].map((server) => server.stop().catch(() => {})));
    killStartedChildren();
    await database?.stop().catch((error: unknown) => console.error("[bench] could not stop PostgreSQL:", error));
  })());
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on("uncaughtException", (error) => {
  console.error("[bench] uncaught exception:", error);
  void cleanup().finally(() => process.exit(1));
});

const errorText = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]! : String(error));

async function main(): Promise<void> {
  // BENCH_RENDER=<results.json>: only re-render docs/benchmarks.md from a saved run (after editing the template).
  if (process.env.BENCH_RENDER) {
    const saved = JSON.parse(await fsp.readFile(process.env.BENCH_RENDER, "utf8"), (_key, value: unknown) =>
      value === "Infinity" ? Infinity : value === "NaN" ? NaN : value,
    ) as BenchResults;
    fs.writeFileSync(REPORT_FILE, markdownReport(saved));
    log(`wrote ${path.relative(REPO_DIR, REPORT_FILE)} from ${process.env.BENCH_RENDER}`);
    return;
  }
  const started = performance.now();
  const config = benchConfig();
  const machine = describeMachine();
  const has = (workload: Workload) => config.workloads.includes(workload);
  log(`${config.full ? "full run" : config.quick ? "quick subset (BENCH_QUICK)" : "partial run"}: servers ${config.servers.join(", ")}; workloads ${config.workloads.join(", ")}`);
  log(`machine: ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}, load average ${machine.loadAverage}`);
  const needsTraces = has("bursts") || has("coldload");
  if (needsTraces && !fs.existsSync(path.join(config.bursts.tracesDir, "automerge-paper.json.gz"))) {
    throw new Error(`editing traces not found in ${config.bursts.tracesDir} (set BENCH_TRACES_DIR to the editing-traces folder)`);
  }

  const results: BenchResults = {
    machine,
    config,
    versions: peerVersions(),
    commitTimestamps: false,
    idleLatency: {},
    fanout: {},
    bursts: [],
    memory: {},
    errors: [],
    totalSeconds: 0,
  };
  const ours = config.servers.includes("ours");
  const authSecret = newAuthSecret();
  if (ours || has("history")) {
    database = await startBenchDatabase(log);
    results.commitTimestamps = database.commitTimestamps;
  }
  for (const kind of config.servers) {
    try {
      servers.set(kind, await startServer(kind, { database, authSecret }));
    } catch (error) {
      // Our server may be mid-rewrite: go on with the others.
      results.errors.push(`${kind} did not start: ${errorText(error)}`);
      log(`${kind} did not start: ${errorText(error)}; going on without it`);
    }
  }
  workers = await startWorkers();
  const largestPoint = has("fanout") ? Math.max(...config.fanout.points) : (config.soak.editors ?? config.fanout.points[0]!);
  const users: BenchUser[] = database ? await createBenchUsers(config.fanout.fullClients + largestPoint, authSecret) : placeholderUsers(config.fanout.fullClients + largestPoint);
  const context: BenchContext = { database, servers, workers, users, log };
  const ensureUsers = async (count: number) => {
    if (users.length >= count) return;
    const more = database ? await createBenchUsers(count - users.length, authSecret) : placeholderUsers(count - users.length);
    users.push(...more);
  };
  log(`ready: ${[...servers.values()].map((server) => `${server.label} (pid ${server.pid}, port ${server.endpoint.port})`).join(", ")}; ${users.length} users`);
  const list = [...servers.values()];

  if (has("latency")) {
    log(`1. idle edit latency: two full clients, ${config.idleLatency.editsPerSecond} edits/s each for ${config.idleLatency.seconds} s`);
    for (const server of list) {
      try {
        const latency = await runIdleLatency(context, server, config.idleLatency);
        results.idleLatency[server.kind] = latency;
        log(`  ${server.label}: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms (${latency.pairs} edits)`);
      } catch (error) {
        results.idleLatency[server.kind] = { error: errorText(error) };
        log(`  ${server.label}: failed: ${errorText(error)}`);
      }
    }
    // The floor: the same clients through a relay that forwards frames unread.
    const relay = await startServer("ywebsocket", { authSecret, module: "peers/relayServer.ts", label: "relay (floor)" });
    try {
      const floor = await runIdleLatency(context, relay, config.idleLatency);
      results.idleLatencyFloor = floor;
      log(`  floor (relay): p50 ${floor.p50.toFixed(2)} ms, p99 ${floor.p99.toFixed(2)} ms (${floor.pairs} edits)`);
    } catch (error) {
      results.idleLatencyFloor = { error: errorText(error) };
      log(`  floor (relay): failed: ${errorText(error)}`);
    } finally {
      await relay.stop();
    }
  }

  let knee: number | undefined;
  if (has("fanout")) {
    const f = config.fanout;
    log(`2. fan-out at N = ${f.points.join(", ")}: ${f.keystrokesPerSecond} keystrokes/s per editor (update + caret), ${f.seconds} s per point, ${f.fullClients} full clients measuring`);
    const sweep = await runFanoutSweep(context, list, f.points, { seconds: f.seconds, warmupSeconds: f.warmupSeconds, keystrokesPerSecond: f.keystrokesPerSecond, fullClients: f.fullClients });
    for (const server of list) results.fanout[server.kind] = { points: sweep.results.get(server.kind) ?? [], notes: sweep.notes.get(server.kind) ?? [] };
    const ourPoints = results.fanout.ours?.points ?? [];
    knee = kneeOf(ourPoints);
    const oursServer = servers.get("ours");
    if (oursServer) {
      // Target: at twice our largest N under 100 ms, p99 < 1 s, RSS < 1 GB, convergence.
      if (knee !== undefined) {
        const doubled = 2 * knee;
        const measured = ourPoints.find((point) => point.editors === doubled);
        const collapsedBelow = ourPoints.find((point) => point.collapsed && point.editors < doubled);
        if (measured) {
          results.doubleKnee = { editors: doubled, result: measured };
        } else if (collapsedBelow) {
          results.doubleKnee = { editors: doubled, note: `not run: our server had collapsed already at N = ${collapsedBelow.editors} (${collapsedBelow.collapsed})` };
        } else {
          log(`  fan-out, ours, N = ${doubled} (twice our largest N under 100 ms)`);
          await ensureUsers(f.fullClients + doubled);
          try {
            const result = await runFanoutPoint(context, oursServer, { seconds: f.seconds, warmupSeconds: f.warmupSeconds, keystrokesPerSecond: f.keystrokesPerSecond, fullClients: f.fullClients, editors: doubled });
            results.doubleKnee = { editors: doubled, result };
            log(`    p99 ${result.latency.p99.toFixed(0)} ms, RSS ${result.serverMaxRssMb.toFixed(0)} MB, converged ${result.converge.converged}`);
          } catch (error) {
            results.doubleKnee = { editors: doubled, note: `failed: ${errorText(error)}` };
            await oursServer.restart({ force: true }).catch(() => {});
            await workers.restart();
          }
        }
      }
      // Persistence lag under the fan-out load: at our knee, else the largest point measured.
      const lagPoint = ourPoints.find((point) => point.editors === knee) ?? ourPoints.filter((point) => point.samples).at(-1);
      if (lagPoint?.samples) {
        try {
          const edits = runEdits(lagPoint.samples);
          const rows = await waitForRows(lagPoint.documentId, lagPoint.probeUserIds, edits, 10_000);
          results.fanoutPersistence = { editors: lagPoint.editors, lag: lagHistogram(edits, rows), server: lagPoint.serverPersistenceLag };
          log(`  persistence lag at N = ${lagPoint.editors}: p50 ${results.fanoutPersistence.lag.fromSend.p50.toFixed(0)} ms, p99 ${results.fanoutPersistence.lag.fromSend.p99.toFixed(0)} ms`);
        } catch (error) {
          results.errors.push(`persistence lag under fan-out: ${errorText(error)}`);
        }
      }
    }
    for (const entry of Object.values(results.fanout)) for (const point of entry.points) delete point.samples;
    if (results.doubleKnee?.result) delete results.doubleKnee.result.samples;
  }

  const oursServer = servers.get("ours");
  if (has("soak") && oursServer) {
    const editors = config.soak.editors ?? knee ?? config.fanout.points[0]!;
    log(`3. ${config.soak.seconds} s at N = ${editors} (${knee !== undefined && editors === knee ? "our largest N under 100 ms" : "no N met p99 < 100 ms: the first point"}), in ${config.soak.windowSeconds} s windows`);
    await ensureUsers(config.fanout.fullClients + editors);
    try {
      const f = config.fanout;
      const result = await runFanoutPoint(context, oursServer, {
        editors,
        seconds: config.soak.seconds,
        warmupSeconds: f.warmupSeconds,
        keystrokesPerSecond: f.keystrokesPerSecond,
        fullClients: f.fullClients,
        windowSeconds: config.soak.windowSeconds,
      });
      delete result.samples;
      results.soak = { editors, result };
      for (const window of result.windows ?? []) {
        log(`  ${window.fromSeconds}–${window.fromSeconds + config.soak.windowSeconds} s: p99 ${window.latency.p99.toFixed(0)} ms, RSS ${window.serverRssMb.toFixed(0)} MB`);
      }
    } catch (error) {
      results.soak = { editors, note: `failed: ${errorText(error)}` };
      await oursServer.restart({ force: true }).catch(() => {});
      await workers.restart();
    }
  }

  const traceCache = new Map<string, TraceUpdates>();
  const traceFor = async (name: string) => {
    let updates = traceCache.get(name);
    if (!updates) {
      updates = traceUpdates(await loadTrace(path.join(config.bursts.tracesDir, `${name}.json.gz`)));
      traceCache.set(name, updates);
    }
    return updates;
  };

  if (has("bursts")) {
    log(`4. bursts: ${config.bursts.traces.join(", ")}, one update per recorded transaction`);
    for (const name of config.bursts.traces) {
      const updates = await traceFor(name);
      const floors = Array.from({ length: config.bursts.floorRuns }, () => applyFloorMs(updates.updates, updates.endContent));
      const floorMs = median(floors);
      const timeoutMs = Math.max(config.bursts.minTimeoutMs, 30 * floorMs);
      log(`  ${name}: ${updates.updates.length} updates; floor (bare Y.Doc in-process) ${floorMs.toFixed(0)} ms (runs ${floors.map((value) => value.toFixed(0)).join(", ")}); timeout ${(timeoutMs / 1000).toFixed(0)} s`);
      const entry: BenchResults["bursts"][number] = { trace: name, updates: updates.updates.length, transactions: updates.transactions, floorMs, floorRunsMs: floors, timeoutMs, results: {} };
      results.bursts.push(entry);
      const file = await writeUpdatesFile(updates);
      try {
        for (const server of list) {
          try {
            const burst: BurstResult = await runBurst(context, server, updates, file, floorMs, timeoutMs);
            entry.results[server.kind] = burst;
            log(
              `  ${server.label}: writer sent all in ${(burst.writerSentMs / 1000).toFixed(2)} s; ` +
                `second client ${Number.isFinite(burst.receiverMs) ? `${(burst.receiverMs / 1000).toFixed(2)} s (${(burst.receiverMs / floorMs).toFixed(2)}× floor)` : burst.detail}` +
                (burst.persistence ? `; persistence p99 ${burst.persistence.fromSend.p99.toFixed(0)} ms` : ""),
            );
          } catch (error) {
            entry.results[server.kind] = { error: errorText(error) };
            log(`  ${server.label}: failed: ${errorText(error)}; restarting it and the workers`);
            await server.restart({ force: true }).catch(() => {});
            await workers.restart();
          }
        }
      } finally {
        await fsp.rm(file, { force: true });
      }
    }
  }

  if (has("coldload")) {
    const trace = await traceFor(config.coldLoad.trace);
    log(`5. loading ${config.coldLoad.trace} (${(trace.finalState.length / 1024).toFixed(0)} KiB state)`);
    results.coldLoad = { trace: config.coldLoad.trace, stateBytes: trace.finalState.length, characters: trace.endContent.length, liveJoin: {} };
    if (oursServer) {
      try {
        results.coldLoad.ours = await runColdLoads(context, oursServer, trace, config.coldLoad.runs);
        log(`  ours, cold (stored snapshot, warm process): first ${results.coldLoad.ours.firstMs.toFixed(0)} ms, then median ${median(results.coldLoad.ours.runsMs).toFixed(0)} ms`);
      } catch (error) {
        results.coldLoad.oursError = errorText(error);
        log(`  ours, cold: failed: ${errorText(error)}`);
      }
    }
    for (const server of list) {
      try {
        const times = await runLiveJoins(context, server, trace, config.coldLoad.runs);
        results.coldLoad.liveJoin[server.kind] = times;
        log(`  ${server.label}, joining a live document: first ${times.firstMs.toFixed(0)} ms, then median ${median(times.runsMs).toFixed(0)} ms`);
      } catch (error) {
        results.coldLoad.liveJoin[server.kind] = { error: errorText(error) };
        log(`  ${server.label}, joining: failed: ${errorText(error)}`);
      }
    }
  }
  traceCache.clear();

  if (has("memory")) {
    const m = config.memory;
    log(`6. idle memory: ${m.documents * m.connectionsPerDocument} connections over ${m.documents} documents of ~2 KB, each server freshly started`);
    await ensureUsers(m.connectionsPerDocument * 2);
    for (const server of list) {
      try {
        await server.restart();
        log(`  ${server.label} (pid ${server.pid})`);
        results.memory[server.kind] = await runIdleMemory(context, server, m);
      } catch (error) {
        results.memory[server.kind] = { error: errorText(error) };
        log(`  ${server.label}: failed: ${errorText(error)}`);
        await workers.restart();
      }
    }
  }

  if (has("history") && oursServer) {
    log(`7. version history`);
    try {
      results.history = await runHistoryBench(oursServer, users, log);
    } catch (error) {
      results.errors.push(`version history: ${errorText(error)}`);
      log(`  failed: ${errorText(error)}`);
    }
  }
  if (has("import")) {
    log(`8. import parsing`);
    try {
      results.imports = await runImportBench(log);
    } catch (error) {
      results.errors.push(`import parsing: ${errorText(error)}`);
      log(`  failed: ${errorText(error)}`);
    }
  }

  results.totalSeconds = (performance.now() - started) / 1000;
  console.log(consoleSummary(results));
  const saved = path.join(os.tmpdir(), `newsroom-bench-results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await fsp.writeFile(saved, JSON.stringify(results, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value)));
  log(`results saved to ${saved} (BENCH_RENDER=${saved} re-renders the report from them)`);
  if (config.full) {
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(REPORT_FILE, markdownReport(results));
    log(`wrote ${path.relative(REPO_DIR, REPORT_FILE)}`);
  } else {
    log(`not a full run: ${path.relative(REPO_DIR, REPORT_FILE)} left unchanged (set BENCH_WRITE_REPORT=1 to write it anyway)`);
    if (process.env.BENCH_WRITE_REPORT === "1") {
      fs.writeFileSync(REPORT_FILE, markdownReport(results));
      log(`wrote ${path.relative(REPO_DIR, REPORT_FILE)} (BENCH_WRITE_REPORT)`);
    }
  }
}

/** Without our server there is no database: the peers need no users, only as many names. */
function placeholderUsers(count: number): BenchUser[] {
  return Array.from({ length: count }, (_, index) => ({ id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`, name: `Bench editor ${index}`, email: "", cookie: "" }));
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error("[bench] FAILED:", error);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
