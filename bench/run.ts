// `npm run bench`: starts PostgreSQL and the sync server of its own, runs the
// latency, scaling and trace-replay benchmarks, prints a summary and (on a
// full run) rewrites docs/benchmarks.md. Everything it starts is stopped on
// success, on failure and on Ctrl+C.
import fs from "node:fs";
import path from "node:path";
import { killStartedChildren, REPO_DIR, startChild, type ChildHandle } from "./childProcess";
import { benchConfig } from "./config";
import { createBenchUsers } from "./fixtures";
import { describeMachine } from "./machine";
import { consoleSummary, markdownReport, ms, type BenchResults } from "./report";
import { runHistoryBench } from "./historyBench";
import { runImportBench } from "./importBench";
import { runScalingPoint, type ScalingResult } from "./scaling";
import { startBenchDatabase, startBenchServer, type BenchDatabase, type BenchServer } from "./startBenchServer";
import { loadTrace, runTraceReplay } from "./traceReplay";

const REPORT_FILE = path.join(REPO_DIR, "docs", "benchmarks.md");
/**
 * Why a scaling point shows the server collapsed (undefined when it did not):
 * then a larger N only measures a bigger backlog, and can stall the server
 * for minutes.
 */
function saturatedBy(result: ScalingResult): string | undefined {
  if (!result.serverAnswered) return "it stopped answering";
  if (result.latency.lost > result.latency.sent * 0.2) return `${result.latency.lost} of ${result.latency.sent} edits not delivered within 15 s`;
  return undefined;
}

const log = (line: string) => console.log(`[bench] ${line}`);

let database: BenchDatabase | undefined;
let server: BenchServer | undefined;
let loadWorker: ChildHandle | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    await loadWorker?.stop(5_000).catch(() => {});
    await server?.stop().catch(() => {});
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

async function main(): Promise<void> {
  const started = performance.now();
  const config = benchConfig();
  const machine = describeMachine();
  log(`${config.quick ? "quick subset (BENCH_QUICK)" : "full run"} on ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}`);
  if (!fs.existsSync(config.trace.file)) {
    throw new Error(`trace not found: ${config.trace.file} (set BENCH_TRACES_DIR to the editing-traces folder)`);
  }
  const trace = await loadTrace(config.trace.file, config.trace.limit);

  database = await startBenchDatabase(log);
  server = await startBenchServer(database);
  loadWorker = startChild("load generator", "loadWorker.ts");
  await loadWorker.nextEvent("ready");
  const maxEditors = Math.max(0, ...config.scaling.editors);
  const users = await createBenchUsers(maxEditors + 3, server.authSecret);
  log(`PostgreSQL, sync server (pid ${server.pid}, port ${server.port}), load generator and ${users.length} users ready`);

  log(`1. edit latency, idle document: ${config.baseline.samples} samples at ${config.baseline.editsPerSecond}/s`);
  const baseline = await runScalingPoint(
    server,
    database,
    loadWorker,
    users,
    { ...config.scaling, editors: 0, samples: config.baseline.samples, editsPerSecond: config.baseline.editsPerSecond, warmupSeconds: 0 },
    log,
  );
  log(`  p50 ${ms(baseline.latency.p50)} ms, p99 ${ms(baseline.latency.p99)} ms`);

  const scaling: ScalingResult[] = [];
  const skippedScaling: BenchResults["skippedScaling"] = [];
  for (const editors of config.scaling.editors) {
    const previous = scaling.at(-1);
    const saturation = previous && saturatedBy(previous);
    if (saturation) {
      skippedScaling.push({ editors, reason: `the server had already collapsed at N = ${previous.editors} (${saturation}); more editors would only measure a bigger backlog on this machine` });
      log(`2. scaling: N=${editors} skipped (collapsed at N=${previous.editors})`);
      continue;
    }
    log(`2. scaling: N=${editors} other editors, ${config.scaling.samples} samples`);
    let result: ScalingResult;
    try {
      result = await runScalingPoint(server, database, loadWorker, users, { ...config.scaling, editors }, log);
    } catch (error) {
      // An overloaded server may stop answering altogether: note it, start afresh, go on.
      const reason = `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      skippedScaling.push({ editors, reason });
      log(`  N=${editors} ${reason}; restarting the server and the load generator`);
      await loadWorker.stop(5_000);
      loadWorker = startChild("load generator", "loadWorker.ts");
      await loadWorker.nextEvent("ready");
      await server.restart({ force: true });
      break;
    }
    scaling.push(result);
    log(
      `  p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, lost ${result.latency.lost}; ` +
        `server CPU ${result.serverCpuPercent.toFixed(0)} %, RSS ${result.serverRssMb.toFixed(0)} MB; ` +
        `delivered ${result.deliveredMessagesPerSecond.toFixed(0)} msgs/s (${(result.deliveredShare * 100).toFixed(0)} %)`,
    );
  }

  log(`3. trace replay`);
  const traceResult = await runTraceReplay(server, database, users, trace, config.trace, log);

  log(`4. version history`);
  const history = await runHistoryBench(server, users, log);
  log(`5. import parsing`);
  const imports = await runImportBench(log);

  const peers =
    "Not run. Neither `@hocuspocus/server` nor the reference server of `y-websocket@2.1.0` (`bin/utils.js`) is a dependency of this repository, and the benchmark does not install packages. /work/shared/ENVIRONMENT.md notes that both run on Node 20 with yjs 13 and that Hocuspocus merges the updates of one event-loop turn into one message per client; a comparison would reuse bench/latency.ts and bench/loadClients.ts against such a server (the lightweight clients speak the same protocol).";

  const results: BenchResults = {
    machine,
    config,
    baseline,
    scaling,
    skippedScaling,
    trace: traceResult,
    history,
    imports,
    peers,
    totalSeconds: (performance.now() - started) / 1000,
  };
  console.log(consoleSummary(results));
  if (config.quick) {
    log(`quick run: ${path.relative(REPO_DIR, REPORT_FILE)} left unchanged`);
  } else {
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(REPORT_FILE, markdownReport(results));
    log(`wrote ${path.relative(REPO_DIR, REPORT_FILE)}`);
  }
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
