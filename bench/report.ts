// Turns the measurements into the console summary and docs/benchmarks.md.
// The whole Markdown file is generated from this template on every full run:
// edit the prose here, not in docs/.
import { WRITE_GROUP, type BurstResult } from "./bursts";
import { DEFAULT_TRACES_DIR, type BenchConfig } from "./config";
import type { FanoutResult, LatencyStats } from "./fanout";
import type { HistoryBenchResult } from "./historyBench";
import type { IdleMemoryResult } from "./idleMemory";
import type { ImportBenchResult } from "./importBench";
import type { LoadTimes } from "./coldLoad";
import type { MachineInfo } from "./machine";
import { serverLagBound, type LagHistogram, type ServerLagHistogram } from "./persistenceLag";
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from "./protocol";
import { median } from "./stats";

type Failed = { error: string };
type PerServer<T> = Partial<Record<ServerKind, T | Failed>>;

export type BenchResults = {
  machine: MachineInfo;
  config: BenchConfig;
  versions: Record<string, string>;
  commitTimestamps: boolean;
  idleLatency: PerServer<LatencyStats & { serverCpuPercent: number }>;
  /** The same clients through a relay that forwards frames unread (peers/relayServer.ts): what no server can beat. */
  idleLatencyFloor?: (LatencyStats & { serverCpuPercent: number }) | { error: string };
  fanout: Partial<Record<ServerKind, { points: FanoutResult[]; notes: string[] }>>;
  doubleKnee?: { editors: number; result?: FanoutResult; note?: string };
  fanoutPersistence?: { editors: number; lag: LagHistogram; server?: ServerLagHistogram };
  soak?: { editors: number; result?: FanoutResult; note?: string };
  bursts: { trace: string; updates: number; transactions: number; floorMs: number; floorRunsMs: number[]; timeoutMs: number; results: PerServer<BurstResult> }[];
  coldLoad?: { trace: string; stateBytes: number; characters: number; ours?: LoadTimes & { unloadedBetween: boolean | undefined }; oursError?: string; liveJoin: PerServer<LoadTimes> };
  memory: PerServer<IdleMemoryResult>;
  history?: HistoryBenchResult[];
  imports?: ImportBenchResult[];
  errors: string[];
  totalSeconds: number;
};

const P99_TARGET_MS = 100;

/** Largest N whose p99 is under 100 ms with every delivery made and every receiver converged. */
export function kneeOf(points: FanoutResult[]): number | undefined {
  const ok = points.filter((point) => point.latency.p99 < P99_TARGET_MS && point.latency.lost === 0 && point.converge.converged);
  return ok.length ? Math.max(...ok.map((point) => point.editors)) : undefined;
}

// ---- formatting -------------------------------------------------------------

/** Milliseconds; Infinity is an edit that never arrived. */
export const ms = (value: number) =>
  value === Infinity ? "lost" : Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : "–";
const pct = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} %` : "–");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–");
const secs = (millis: number) => (Number.isFinite(millis) ? `${(millis / 1000).toFixed(2)} s` : "–");
const mb = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : "–");
/** A ratio: 0.05× or 12×; far below 1 as a fraction (1/1,000×), so it never rounds to 0.00×. */
const ratio = (value: number) =>
  !Number.isFinite(value) || value <= 0 ? "–" : value < 0.1 ? `1/${int(1 / value)}×` : `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
const isFailed = <T>(value: T | Failed | undefined): value is Failed => typeof value === "object" && value !== null && "error" in value;
const ok = <T>(value: T | Failed | undefined): T | undefined => (value === undefined || isFailed(value) ? undefined : value);

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

function serversRun(results: BenchResults): ServerKind[] {
  return SERVER_KINDS.filter((kind) => results.config.servers.includes(kind));
}

const peersOf = (results: BenchResults) => serversRun(results).filter((kind) => kind !== "ours");

// ---- targets ------------------------------------------------------------------

type Target = { target: string; figure: string; status: "met" | "missed" | "not measured" };

function targets(results: BenchResults): Target[] {
  const out: Target[] = [];
  const status = (measured: boolean, met: boolean): Target["status"] => (!measured ? "not measured" : met ? "met" : "missed");
  const ourPoints = results.fanout.ours?.points;
  const knee = ourPoints ? kneeOf(ourPoints) : undefined;
  const hocusPoints = results.fanout.hocuspocus?.points;
  const hocusKnee = hocusPoints ? kneeOf(hocusPoints) : undefined;
  out.push({
    target: "fan-out: largest N with p99 < 100 ms ≥ 500",
    figure: ourPoints ? (knee !== undefined ? `N = ${knee}` : "none of the points measured") : "–",
    status: status(!!ourPoints?.length, knee !== undefined && knee >= 500),
  });
  out.push({
    target: "fan-out: our largest N ≥ 2.5 × Hocuspocus's",
    figure:
      ourPoints && hocusPoints
        ? `${knee ?? "none"} vs ${hocusKnee ?? "none"}${knee !== undefined && hocusKnee ? ` (${ratio(knee / hocusKnee)})` : ""}`
        : "–",
    status: status(!!ourPoints?.length && !!hocusPoints?.length, knee !== undefined && (hocusKnee === undefined || knee >= 2.5 * hocusKnee)),
  });
  const doubled = results.doubleKnee;
  const d = doubled?.result;
  const dLabel = doubled ? `N = ${doubled.editors}` : "2 × our largest N";
  out.push({ target: `at ${dLabel}: p99 < 1 s`, figure: d ? `${ms(d.latency.p99)} ms` : (doubled?.note ?? "–"), status: status(!!d || !!doubled?.note, !!d && d.latency.p99 < 1000) });
  out.push({ target: `at ${dLabel}: server RSS < 1 GB`, figure: d ? `${mb(d.serverMaxRssMb)} MB` : "–", status: status(!!d, !!d && d.serverMaxRssMb < 1024) });
  out.push({
    target: `at ${dLabel}: every receiver converges`,
    figure: d ? (d.converge.converged ? "yes" : `no: ${d.converge.detail}`) : "–",
    status: status(!!d, !!d && d.converge.converged),
  });
  for (const burst of results.bursts) {
    const ours = ok(burst.results.ours);
    const r = ours ? ours.receiverMs / burst.floorMs : NaN;
    out.push({
      target: `bursts (${burst.trace}): second client within 2 × the in-process floor`,
      figure: ours ? (Number.isFinite(r) ? `${secs(ours.receiverMs)} = ${ratio(r)} floor (${secs(burst.floorMs)})` : ours.detail) : "–",
      status: status(!!ours, Number.isFinite(r) && r <= 2),
    });
  }
  // Accepted → committed: the server's own histogram (accepted → the append's
  // reply, so an upper bound) when it is there, else the outside measure from
  // the send (a looser upper bound: it adds the wait before the server reads
  // the update). Every edit must be stored either way.
  const lagTarget = (label: string, lag: LagHistogram | undefined, server: ServerLagHistogram | undefined) => {
    const accepted = server && server.appends > 0 ? serverLagBound(server, 0.99) : NaN;
    const judged = Number.isFinite(accepted) || accepted === Infinity ? accepted : lag?.fromSend.p99 ?? NaN;
    out.push({
      target: `persistence lag p99 ≤ 250 ms ${label}`,
      figure: lag
        ? `${Number.isFinite(accepted) ? `accepted → stored ≤ ${ms(accepted)} ms (${int(server!.appends)} appends); ` : ""}from the send ${ms(lag.fromSend.p99)} ms${lag.missing ? ` (${lag.missing} edits never stored)` : ""}`
        : "–",
      status: status(!!lag, !!lag && judged <= 250 && lag.missing === 0),
    });
  };
  const lag = results.fanoutPersistence;
  lagTarget(`at our largest N${lag ? ` (N = ${lag.editors})` : ""}`, lag?.lag, lag?.server);
  for (const burst of results.bursts) {
    const ours = ok(burst.results.ours);
    lagTarget(`during the ${burst.trace} burst`, ours?.persistence, ours?.serverPersistenceLag);
  }
  const memory = ok(results.memory.ours);
  out.push({ target: "idle: ≤ 20 KB per connection", figure: memory ? `${memory.perConnectionKb.toFixed(1)} KiB` : "–", status: status(!!memory, !!memory && memory.perConnectionKb <= 20) });
  out.push({ target: "idle: ≤ 30 KB per open document", figure: memory ? `${memory.perDocumentKb.toFixed(1)} KiB` : "–", status: status(!!memory, !!memory && memory.perDocumentKb <= 30) });
  const cold = results.coldLoad?.ours;
  const coldMedian = cold ? median(cold.runsMs) : NaN;
  out.push({ target: "cold load of automerge-paper, warm process, < 50 ms", figure: cold ? `${ms(coldMedian)} ms (median)` : "–", status: status(!!cold, coldMedian < 50) });
  const idle = ok(results.idleLatency.ours);
  const floor = ok(results.idleLatencyFloor);
  const withFloor = (pick: (l: LatencyStats) => number) => (idle ? `${ms(pick(idle))} ms${floor ? ` (floor: the same clients through a relay that reads nothing, ${ms(pick(floor))} ms)` : ""}` : "–");
  out.push({ target: "idle edit latency p50 < 1 ms", figure: withFloor((l) => l.p50), status: status(!!idle, !!idle && idle.p50 < 1) });
  out.push({ target: "idle edit latency p99 < 5 ms", figure: withFloor((l) => l.p99), status: status(!!idle, !!idle && idle.p99 < 5) });
  return out;
}

// ---- sections -------------------------------------------------------------------

function idleLatencySection(results: BenchResults): string[] {
  const kinds = serversRun(results).filter((kind) => results.idleLatency[kind]);
  if (kinds.length === 0) return [];
  const ours = ok(results.idleLatency.ours);
  const rows = kinds.map((kind) => {
    const value = results.idleLatency[kind];
    if (isFailed(value)) return [SERVER_LABELS[kind], `failed: ${value.error}`, "", "", "", "", "", ""];
    const l = value!;
    return [
      SERVER_LABELS[kind],
      `${l.pairs - l.lost}/${l.pairs}`,
      ms(l.p50),
      ms(l.p95),
      ms(l.p99),
      ms(l.max),
      pct(l.serverCpuPercent),
      kind === "ours" || !ours ? "" : `${ratio(ours.p50 / l.p50)} / ${ratio(ours.p99 / l.p99)}`,
    ];
  });
  const floor = results.idleLatencyFloor;
  if (floor) {
    const label = "floor: a relay forwarding frames unread (no server can beat it)";
    if (isFailed(floor)) rows.push([label, `failed: ${floor.error}`, "", "", "", "", "", ""]);
    else rows.push([label, `${floor.pairs - floor.lost}/${floor.pairs}`, ms(floor.p50), ms(floor.p95), ms(floor.p99), ms(floor.max), pct(floor.serverCpuPercent), ours ? `${ratio(ours.p50 / floor.p50)} / ${ratio(ours.p99 / floor.p99)}` : ""]);
  }
  const c = results.config.idleLatency;
  return [
    "### Idle edit latency",
    "",
    `Two full clients alone in a document, each typing ${c.editsPerSecond} characters a second (each keystroke an update plus a caret move) for ${c.seconds} s, after 2 s of unrecorded warm-up; each edit timed from the sender's insert to the other client's Y.Doc. The last row runs the same clients through a relay (bench/peers/relayServer.ts) that forwards each frame to the document's other socket without reading it: what the clients, the loopback and the extra process hop cost by themselves.`,
    "",
    ...table(["server", "edits", "p50 ms", "p95 ms", "p99 ms", "max ms", "server CPU", "ours/peer p50 / p99"], rows),
    "",
  ];
}

function fanoutRows(points: FanoutResult[]): string[][] {
  return points.map((r) => [
    String(r.editors),
    r.latency.lost ? `${r.latency.pairs - r.latency.lost}/${r.latency.pairs}` : String(r.latency.pairs),
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ms(r.latency.max),
    r.converge.converged ? "yes" : `**no** (${r.converge.detail})`,
    pct(r.serverCpuPercent),
    mb(r.serverMaxRssMb),
    ms(r.serverLoopDelayP99Ms),
    `${int(r.offeredUpdatesPerSecond)} + ${int(r.offeredAwarenessPerSecond)}`,
    `${int(r.framesReceivedPerSecond)} (${r.mbReceivedPerSecond.toFixed(1)} MB/s)`,
    `${pct(r.generatorCpuPercent)} / ${ms(r.generatorMaxSendLagMs)} ms`,
    pct(r.probeCpuPercent),
    pct(r.postgresCpuPercent),
    pct(r.otherCpuPercent),
    [
      r.collapsed ? `collapsed: ${r.collapsed}` : "",
      Object.keys(r.closes).length ? `closed: ${Object.entries(r.closes).map(([code, count]) => `${count}× ${code}`).join(", ")}` : "",
      r.restarted ? "restarted after (did not drain in 20 s)" : "",
      r.serverAnswered ? "" : "did not answer IPC",
    ]
      .filter(Boolean)
      .join("; ") || "–",
  ]);
}

const FANOUT_HEADER = [
  "N",
  "deliveries",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "max ms",
  "converged",
  "server CPU",
  "server max RSS MB",
  "event-loop p99 ms",
  "sent: updates/s + awareness/s",
  "frames/s received by the editors",
  "generators CPU / max send lag",
  "probe CPU",
  "PostgreSQL CPU",
  "other processes' CPU",
  "notes",
];

function fanoutSection(results: BenchResults): string[] {
  const kinds = serversRun(results).filter((kind) => results.fanout[kind]);
  if (kinds.length === 0) return [];
  const f = results.config.fanout;
  const out = [
    "### Fan-out",
    "",
    `N simulated editors in one document, each typing ${f.keystrokesPerSecond} characters a second at the end of its own paragraph, every keystroke one Yjs update plus one awareness update moving its caret (Tiptap's CollaborationCaret state); ${f.fullClients} full clients among them type the same way and time each other's edits (${f.seconds} s per point after ${f.warmupSeconds} s of warm-up). "deliveries": (edit, other full client) pairs, all 4 × 3 per keystroke. A point counts as a collapse when p99 > 5 s, a fifth of the deliveries are lost, or the server stops answering; larger N are then not run for that server.`,
    "",
  ];
  const knees = new Map(kinds.map((kind) => [kind, kneeOf(results.fanout[kind]!.points)]));
  const kneeRows = kinds.map((kind) => {
    const knee = knees.get(kind);
    const ours = knees.get("ours");
    return [SERVER_LABELS[kind], knee !== undefined ? `**${knee}**` : "none", kind === "ours" || ours === undefined || knee === undefined ? "" : ratio(ours / knee), results.fanout[kind]!.notes.join("; ") || "–"];
  });
  out.push("Largest N with p99 < 100 ms (every delivery made, every receiver converged):", "", ...table(["server", "largest N", "ours/peer", "notes"], kneeRows), "");
  for (const kind of kinds) {
    out.push(`#### ${SERVER_LABELS[kind]}`, "", ...table(FANOUT_HEADER, fanoutRows(results.fanout[kind]!.points)), "");
  }
  const ratioRows: string[][] = [];
  const ourPoints = results.fanout.ours?.points ?? [];
  for (const point of ourPoints) {
    const cells = [String(point.editors)];
    for (const peer of peersOf(results)) {
      const other = results.fanout[peer]?.points.find((candidate) => candidate.editors === point.editors);
      cells.push(other ? `${ratio(point.latency.p50 / other.latency.p50)} / ${ratio(point.latency.p99 / other.latency.p99)} / ${ratio(point.serverCpuPercent / other.serverCpuPercent)}` : "–");
    }
    ratioRows.push(cells);
  }
  if (ratioRows.length && peersOf(results).length) {
    out.push("Ours / peer at the same N (p50 / p99 / server CPU; below 1× is better for us):", "", ...table(["N", ...peersOf(results).map((kind) => `ours / ${SERVER_LABELS[kind]}`)], ratioRows), "");
  }
  if (results.doubleKnee) {
    const d = results.doubleKnee;
    out.push(
      `**Twice our largest N (N = ${d.editors}).** ${
        d.result
          ? `p50 ${ms(d.result.latency.p50)} ms, p99 ${ms(d.result.latency.p99)} ms, ${d.result.latency.lost} of ${d.result.latency.pairs} deliveries lost; server max RSS ${mb(d.result.serverMaxRssMb)} MB at ${pct(d.result.serverCpuPercent)} CPU; converged: ${d.result.converge.converged ? "yes" : `no (${d.result.converge.detail})`}.${ourPoints.includes(d.result) ? " (The sweep's own point.)" : ""}`
          : d.note
      }`,
      "",
    );
  }
  return out;
}

function soakSection(results: BenchResults): string[] {
  const soak = results.soak;
  if (!soak) return [];
  const out = ["### 5 minutes at our largest N", ""];
  if (!soak.result) return [...out, `N = ${soak.editors}: ${soak.note}`, ""];
  const r = soak.result;
  out.push(
    `Our server at N = ${soak.editors} for ${results.config.soak.seconds} s (same load as the fan-out), per ${results.config.soak.windowSeconds}-second window of send times: latency of the full clients' edits, the server's largest RSS (from /proc each second) and its CPU.`,
    "",
    ...table(
      ["window", "deliveries", "p50 ms", "p99 ms", "max ms", "server RSS MB", "server CPU"],
      (r.windows ?? []).map((window) => [
        `${window.fromSeconds}–${window.fromSeconds + results.config.soak.windowSeconds} s`,
        window.latency.lost ? `${window.latency.pairs - window.latency.lost}/${window.latency.pairs}` : String(window.latency.pairs),
        ms(window.latency.p50),
        ms(window.latency.p99),
        ms(window.latency.max),
        mb(window.serverRssMb),
        pct(window.serverCpuPercent),
      ]),
    ),
    "",
    `Whole run: p50 ${ms(r.latency.p50)} ms, p99 ${ms(r.latency.p99)} ms, converged: ${r.converge.converged ? "yes" : `no (${r.converge.detail})`}; generators ${pct(r.generatorCpuPercent)}, other processes ${pct(r.otherCpuPercent)} of a core.${flatness(r)}`,
    "",
  );
  return out;
}

function flatness(r: FanoutResult): string {
  const windows = r.windows ?? [];
  if (windows.length < 3) return "";
  const rss = windows.map((window) => window.serverRssMb);
  const p99 = windows.map((window) => window.latency.p99).filter(Number.isFinite);
  const growth = rss.at(-1)! - rss[1]!;
  return ` RSS from the second window to the last: ${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MB; p99 ranges ${ms(Math.min(...p99))}–${ms(Math.max(...p99))} ms over the windows.`;
}

function burstsSection(results: BenchResults): string[] {
  if (results.bursts.length === 0) return [];
  const out = [
    "### Bursts",
    "",
    "One writer sends a recorded trace as it was produced — one Yjs update per recorded transaction, each its own websocket message — as fast as its socket takes them; a second client (a full client with its provider, in another process) waits until its text equals the trace's `endContent`. Times from the writer's first update; the floor is the same updates applied to a bare Y.Doc in the benchmark process (median of the runs shown).",
    "",
  ];
  for (const burst of results.bursts) {
    out.push(
      `**${burst.trace}**: ${int(burst.updates)} updates (${int(burst.transactions)} transactions and the paragraph); floor ${secs(burst.floorMs)} (runs ${burst.floorRunsMs.map((value) => secs(value)).join(", ")}); timeout ${secs(burst.timeoutMs)}.`,
      "",
    );
    const ours = ok(burst.results.ours);
    const rows = serversRun(results)
      .filter((kind) => burst.results[kind])
      .map((kind) => {
        const value = burst.results[kind];
        if (isFailed(value)) return [SERVER_LABELS[kind], `failed: ${value.error}`, "", "", "", "", "", ""];
        const b = value!;
        return [
          SERVER_LABELS[kind],
          secs(b.writerWrittenMs),
          secs(b.writerSentMs),
          Number.isFinite(b.receiverMs) ? `**${secs(b.receiverMs)}**` : Number.isFinite(b.writerSentMs) ? b.detail : `${b.detail}; the server stopped reading: the writer could not send everything within the timeout`,
          Number.isFinite(b.receiverMs) ? ratio(b.receiverMs / burst.floorMs) : "–",
          pct(b.serverCpuPercent),
          mb(b.serverMaxRssMb),
          kind === "ours" || !ours || !Number.isFinite(ours.receiverMs) ? "" : Number.isFinite(b.receiverMs) ? ratio(ours.receiverMs / b.receiverMs) : "peer did not finish",
        ];
      });
    out.push(...table(["server", "writer wrote all", "writer's socket drained", "second client has all", "÷ floor", "server CPU", "server max RSS MB", "ours/peer"], rows), "");
  }
  return out;
}

function lagRows(label: string, lag: LagHistogram, server: ServerLagHistogram | undefined): string[] {
  const bound = (p: number) => (server ? `≤ ${ms(serverLagBound(server, p))}` : "–");
  return [
    label,
    `${int(lag.edits - lag.missing)}/${int(lag.edits)}`,
    server && server.appends > 0 ? `${int(server.appends)} appends: p50 ${bound(0.5)} / p99 ${bound(0.99)} / max ${bound(1)}` : "–",
    `${ms(lag.fromSend.p50)} / ${ms(lag.fromSend.p95)} / ${ms(lag.fromSend.p99)} / ${ms(lag.fromSend.max)}`,
    `${ms(lag.fromRelay.p50)} / ${ms(lag.fromRelay.p99)}`,
    `${ms(lag.createdFromSend.p50)} / ${ms(lag.createdFromSend.p99)}`,
    lag.buckets.map((bucket) => `${bucket.upToMs === Infinity ? "more" : `≤${bucket.upToMs}`}: ${bucket.count}`).join(", "),
  ];
}

function persistenceSection(results: BenchResults): string[] {
  const rows: string[][] = [];
  if (results.fanoutPersistence) rows.push(lagRows(`fan-out, N = ${results.fanoutPersistence.editors}`, results.fanoutPersistence.lag, results.fanoutPersistence.server));
  for (const burst of results.bursts) {
    const ours = ok(burst.results.ours);
    if (ours?.persistence) rows.push(lagRows(`burst: ${burst.trace}`, ours.persistence, ours.serverPersistenceLag));
  }
  if (rows.length === 0) return [];
  return [
    "### Persistence lag (ours)",
    "",
    `From an edit to the commit of the update-log row that holds it (the peers run without persistence), two ways. In the server: its own histogram \`newsroom_collab_persistence_lag_seconds\` (also on /api/metrics), one observation per append — the time from the room accepting the oldest update the append held to the database's reply, so every update in it waited at most that long; bounds are the histogram's buckets. From the outside: each measuring client's edit, from its send to the commit of the first row holding it, which adds the wait before the server reads the edit (during a burst, most of it). Clock: ${results.commitTimestamps ? "PostgreSQL's commit timestamps (`track_commit_timestamp`)" : "`created_at` (commit timestamps were not available)"}; see "Method" below.`,
    "",
    ...table(["load", "edits stored", "accepted → stored, in the server (upper bounds, ms)", "commit − send: p50 / p95 / p99 / max ms", "commit − relay to another client: p50 / p99 ms (lower bound)", "created_at − send: p50 / p99 ms", "histogram of commit − send (ms: edits)"], rows),
    "",
  ];
}

function memorySection(results: BenchResults): string[] {
  const kinds = serversRun(results).filter((kind) => results.memory[kind]);
  if (kinds.length === 0) return [];
  const m = results.config.memory;
  const ours = ok(results.memory.ours);
  const rows = kinds.map((kind) => {
    const value = results.memory[kind];
    if (isFailed(value)) return [SERVER_LABELS[kind], `failed: ${value.error}`, "", "", "", "", "", "", "", "", "", "", ""];
    const r = value!;
    const docs = (point: IdleMemoryResult["baseline"]) => (point.documents === undefined ? "?" : String(point.documents));
    return [
      SERVER_LABELS[kind],
      `${mb(r.baseline.rssMb)} (${mb(r.baseline.heapMb)})`,
      r.openSteps.map((point) => `${mb(point.rssMb)} (${mb(point.heapMb)})`).join(", "),
      r.connectSteps.map((point) => `${mb(point.rssMb)} (${mb(point.heapMb)})`).join(", "),
      `**${r.perConnectionKb.toFixed(1)}**`,
      `**${r.perDocumentKb.toFixed(1)}**`,
      `${r.heapPerConnectionKb.toFixed(1)} / ${r.heapPerDocumentKb.toFixed(1)}`,
      youngGeneration(r),
      `${r.perConnectionTotalKb.toFixed(1)} / ${r.perDocumentTotalKb.toFixed(1)}`,
      r.firstCycle
        ? `${r.firstCycle.perConnectionKb.toFixed(1)} / ${r.firstCycle.perDocumentKb.toFixed(1)} (heap ${r.firstCycle.heapPerConnectionKb.toFixed(1)} / ${r.firstCycle.heapPerDocumentKb.toFixed(1)}; baseline ${mb(r.firstCycle.baseline.rssMb)})`
        : "–",
      `${mb(r.afterLeaving.rssMb)} (${mb(r.afterLeaving.heapMb)}); documents left open: ${docs(r.afterLeaving)}${Number.isFinite(r.unloadSeconds) ? `, unloaded in ${r.unloadSeconds.toFixed(1)} s` : ""}`,
      kind === "ours" || !ours ? "" : `${ratio(ours.perConnectionKb / r.perConnectionKb)} / ${ratio(ours.perDocumentKb / r.perDocumentKb)}`,
      r.gc ? "yes" : "no",
    ];
  });
  const size = ok(results.memory.ours) ?? kinds.map((kind) => ok(results.memory[kind])).find(Boolean);
  return [
    "### Idle memory",
    "",
    `${m.documents * m.connectionsPerDocument} connections over ${m.documents} documents of ${size ? `${int(size.documentBytes)} B` : "about 2 KB"} each (encoded Yjs state), on a server process that has served the same load once: each server is restarted, then the whole cycle (open the documents, add the second connections, everyone leaves) runs twice on new documents, and the second cycle is reported, the first beside it. RSS from /proc after full GCs in the server, once it has settled (heap used in brackets), in MB: before anyone connects, after each third of the documents is opened (one connection each), after each third gets its second connection. Per connection = the least-squares slope over the second-connection steps; per open document = the slope over the opening steps minus one connection. "Totals" divide everything above the baseline by all connections / all documents.`,
    "",
    ...table(["server", "baseline", "opening the documents (3 steps, 1 connection each)", "adding a 2nd connection (3 steps)", "KiB per connection", "KiB per open document", "heap only: KiB per connection / per document", "V8's young generation, MB: baseline → documents open; KiB per open document without it", "totals: KiB per connection / per document", "first cycle, fresh process: KiB per connection / per document", "after everyone left", "ours/peer (conn / doc)", "GC"], rows),
    "",
  ];
}

/** How much of the RSS growth was V8's young generation growing (a bounded allocation area, not documents). */
function youngGeneration(r: IdleMemoryResult): string {
  const open = r.openSteps.at(-1);
  if (r.baseline.youngMb === undefined || open?.youngMb === undefined) return "–";
  return `${mb(r.baseline.youngMb)} → ${mb(open.youngMb)}; ${r.perDocumentBeyondYoungKb.toFixed(1)}`;
}

function loadSection(results: BenchResults): string[] {
  const load = results.coldLoad;
  if (!load) return [];
  const out = ["### Loading automerge-paper", ""];
  const times = (t: LoadTimes) => `first ${ms(t.firstMs)} ms; then median **${ms(median(t.runsMs))} ms** (runs: ${t.runsMs.map(ms).join(", ")})`;
  out.push(
    `A fresh client's time from creating its provider to synced, its text checked against the trace's \`endContent\` (${int(load.characters)} characters, ${kib(load.stateBytes)} V1 state).`,
    "",
  );
  const rows: string[][] = [];
  if (load.ours) rows.push(["ours, cold: stored as one snapshot row, room not loaded, process warm", times(load.ours) + (load.ours.unloadedBetween === false ? " (the room did not unload between runs)" : "")]);
  else if (load.oursError) rows.push(["ours, cold", `failed: ${load.oursError}`]);
  const oursJoin = ok(load.liveJoin.ours);
  for (const kind of serversRun(results)) {
    const value = load.liveJoin[kind];
    if (!value) continue;
    const peerRatio = kind !== "ours" && oursJoin && !isFailed(value) ? ratio(median(oursJoin.runsMs) / median(value.runsMs)) : "";
    rows.push([`${SERVER_LABELS[kind]}, joining a live document (another client holds it open)`, isFailed(value) ? `failed: ${value.error}` : times(value), peerRatio]);
  }
  out.push(...table(["case", "connect → synced", "ours/peer (joining, medians)"], rows.map((row) => (row.length === 2 ? [...row, ""] : row))), "");
  if (results.config.servers.some((kind) => kind !== "ours")) {
    out.push("Hocuspocus (without extensions) and the reference server (without YPERSISTENCE) keep documents only in memory: they cannot load a stored document, so the comparable figure for them is joining a document that is already open.", "");
  }
  return out;
}

const IMPORT_HEADER = ["format", "size", "words", "parse and build, in the thread", "the same via the worker", "main thread's longest stall meanwhile"];
const HISTORY_HEADER = ["document", "words", "blocks", "version size", "take a version", "compare", "insertions found", "who wrote which block"];

function historySection(results: BenchResults): string[] {
  if (!results.history) return [];
  return [
    "### Version history",
    "",
    "Medians of 5 runs, in milliseconds, against the document as stored after another editor made 40 edits spread over its paragraphs.",
    "",
    ...table(
      HISTORY_HEADER,
      results.history.map((r) => [r.label, int(r.words), int(r.blocks), kib(r.versionBytes), ms(r.takeVersionMs), ms(r.compareMs), int(r.changes), ms(r.authorshipMs)]),
    ),
    "",
  ];
}

function importSection(results: BenchResults): string[] {
  if (!results.imports) return [];
  return [
    "### Import parsing",
    "",
    "Medians of 3 runs: parsing an import into the editor's schema and building its first Yjs state — in the calling thread, and as the server does it, in its import worker thread (the Yjs state is still built on the main thread), with the main thread's longest event-loop stall meanwhile.",
    "",
    ...table(
      IMPORT_HEADER,
      results.imports.map((r) => [r.format, kib(r.bytes), int(r.words), ms(r.parseMs), ms(r.workerMs), ms(r.workerMainThreadStallMs)]),
    ),
    "",
  ];
}

function observations(results: BenchResults): string[] {
  const out: string[] = [];
  const idle = ok(results.idleLatency.ours);
  const floor = ok(results.idleLatencyFloor);
  if (idle && floor && idle.p50 >= 1) {
    const reference = ok(results.idleLatency.ywebsocket);
    out.push(
      `- **Idle latency (ours).** p50 ${ms(idle.p50)} ms; the same clients through a relay that forwards frames unread take ${ms(floor.p50)} ms${reference ? `, through y-websocket's reference server ${ms(reference.p50)} ms` : ""}, so under 1 ms leaves a server ${ms(Math.max(0, 1 - floor.p50))} ms. ` +
        "Timed inside our server (2026-12-05, same workload): a keystroke's tick takes about 0.9 ms — 0.37 ms of it the socket write that hands the batch to the kernel (writev on the loopback, paid by every server), 0.35 ms applying the update and the caret (validation, the Yjs transaction, presence stamping), the rest encoding and sending.",
    );
  }
  const ourPoints = results.fanout.ours?.points ?? [];
  const knee = kneeOf(ourPoints);
  if (ourPoints.length) {
    const first = ourPoints.find((point) => point.latency.p99 >= P99_TARGET_MS || point.latency.lost > 0);
    if (first) {
      out.push(
        `- **Where our server degrades.** p99 first reaches 100 ms at N = ${first.editors} (p50 ${ms(first.latency.p50)} ms, p99 ${ms(first.latency.p99)} ms) with the server at ${pct(first.serverCpuPercent)} of a core and its event loop delayed ${ms(first.serverLoopDelayP99Ms)} ms at p99; the editors received ${int(first.framesReceivedPerSecond)} frames/s (${first.mbReceivedPerSecond.toFixed(1)} MB/s) for ${int(first.offeredUpdatesPerSecond + first.offeredAwarenessPerSecond)} messages/s sent.`,
      );
    } else {
      out.push(`- **No degradation** of our server within the points measured (largest N ${Math.max(...ourPoints.map((point) => point.editors))}).`);
    }
    const collapsed = ourPoints.find((point) => point.collapsed);
    if (collapsed) out.push(`- **Collapse.** At N = ${collapsed.editors}: ${collapsed.collapsed}; server CPU ${pct(collapsed.serverCpuPercent)}, max RSS ${mb(collapsed.serverMaxRssMb)} MB${collapsed.maxBacklogKb > 0 ? `, largest send backlog of one editor's socket ${collapsed.maxBacklogKb.toFixed(0)} KiB (the server not reading)` : ""}.`);
    const rss = ourPoints.map((point) => point.serverMaxRssMb);
    out.push(`- **Memory under load (ours).** Server RSS ${mb(Math.min(...rss))}–${mb(Math.max(...rss))} MB across the fan-out points.`);
  }
  const memory = ok(results.memory.ours);
  if (memory) {
    const kept = (r: IdleMemoryResult) => r.afterLeaving.heapMb - r.baseline.heapMb;
    const peers = serversRun(results)
      .filter((kind) => kind !== "ours" && ok(results.memory[kind]))
      .map((kind) => ({ kind, r: ok(results.memory[kind])! }));
    out.push(
      `- **Idle memory (ours).** Baseline RSS ${mb(memory.baseline.rssMb)} MB after the warm-up (${peers.map(({ kind, r }) => `${SERVER_LABELS[kind]} ${mb(r.baseline.rssMb)} MB`).join(", ")}). ` +
        `After everyone left, ${memory.afterLeaving.documents ?? "an unknown number of"} documents open, V8's heap stayed ${kept(memory).toFixed(1)} MB above the baseline after full GCs (${((kept(memory) * 1024) / memory.documents).toFixed(1)} KiB per document that was open; ${peers.map(({ kind, r }) => `${SERVER_LABELS[kind]}: ${kept(r).toFixed(1)} MB${r.afterLeaving.documents ? ` with its ${r.afterLeaving.documents} documents still held` : ""}`).join(", ")}).`,
    );
    const open = memory.openSteps.at(-1);
    if (memory.perDocumentKb > 30 && memory.baseline.youngMb !== undefined && open?.youngMb !== undefined) {
      out.push(
        `- **Where the RSS per open document goes (ours).** V8's heap in use grows by ${memory.heapPerDocumentKb.toFixed(1)} KiB per open document (${peers.map(({ kind, r }) => `${SERVER_LABELS[kind]} ${r.heapPerDocumentKb.toFixed(1)}`).join(", ")}). ` +
          `Most of the rest is V8's young generation: while the documents open it grows from ${mb(memory.baseline.youngMb)} to ${mb(open.youngMb)} MB (an allocation area V8 sizes to the allocation rate, at most 32 MB, given back only once the process is idle — the idle editors' caret renewals keep it busy), which the slope over ${memory.documents} documents charges to them; without it, ${memory.perDocumentBeyondYoungKb.toFixed(1)} KiB per document. ` +
          "Capping it (`--max-semi-space-size=2`, measured 2026-12-05: 26.7 KiB per document) made the automerge-paper burst 1.6× slower (2.95 s against 1.81 s), so the server runs with V8's default.",
      );
    }
  }
  for (const burst of results.bursts) {
    const b = ok(burst.results.ours);
    if (b?.persistence && b.persistence.fromSend.p99 > 250) {
      out.push(
        `- **Persistence during the ${burst.trace} burst (ours).** The second client had everything after ${secs(b.receiverMs)}, but the last rows committed ${ms(b.persistence.fromSend.max)} ms after their send (p50 ${ms(b.persistence.fromSend.p50)} ms; measured from the relay to the other client: p99 ${ms(b.persistence.fromRelay.p99)} ms${b.serverPersistenceLag?.appends ? `; in the server, accepted → stored: p99 ≤ ${ms(serverLagBound(b.serverPersistenceLag, 0.99))} ms over ${int(b.serverPersistenceLag.appends)} appends` : ""}): ` +
          (b.persistence.fromRelay.p99 <= 250
            ? "the write-behind keeps pace with the relay; the time from the send includes the wait before the server accepts an update, since the burst arrives faster than any server can apply it (the in-process floor)."
            : "the write-behind trails the relay during a burst."),
      );
    }
  }
  for (const kind of peersOf(results)) {
    const points = results.fanout[kind]?.points;
    if (!points?.length) continue;
    const peerKnee = kneeOf(points);
    out.push(`- **${SERVER_LABELS[kind]}.** Largest N under 100 ms: ${peerKnee ?? "none"}${knee !== undefined && peerKnee ? ` (ours ${ratio(knee / peerKnee)} of it)` : ""}.${results.fanout[kind]!.notes.length ? ` ${results.fanout[kind]!.notes.join("; ")}.` : ""}`);
  }
  const generatorBusy = Object.values(results.fanout)
    .flatMap((entry) => entry.points)
    .filter((point) => point.generatorMaxSendLagMs > 200);
  if (generatorBusy.length) {
    out.push(
      `- **Caveat: the generators were late** by more than 200 ms at some points (${[...new Set(generatorBusy.map((point) => point.editors))].join(", ")} editors): the offered load there is somewhat below the nominal rate (see "sent" in the tables). With 2 cores shared by the server, the generators, the probe and PostgreSQL, large N measure the machine as much as the server.`,
    );
  }
  const others = Object.values(results.fanout).flatMap((entry) => entry.points.map((point) => point.otherCpuPercent)).filter(Number.isFinite);
  if (others.length && Math.max(...others) > 25) {
    out.push(`- **Shared machine.** Other processes used up to ${pct(Math.max(...others))} of a core during the fan-out windows (last column): compare ratios within this run rather than absolute figures across runs.`);
  }
  return out;
}

// ---- whole documents -----------------------------------------------------------------

/** Every workload's section, in report order: the console summary and the Markdown report share it. */
function resultSections(results: BenchResults): string[] {
  return [
    ...idleLatencySection(results),
    ...fanoutSection(results),
    ...soakSection(results),
    ...burstsSection(results),
    ...persistenceSection(results),
    ...memorySection(results),
    ...loadSection(results),
    ...historySection(results),
    ...importSection(results),
  ];
}

export function consoleSummary(results: BenchResults): string {
  const lines = [
    "",
    `Newsroom benchmarks — ${results.machine.date}, ${results.machine.cpuModel} × ${results.machine.cores}, Node ${results.machine.node}${results.config.quick ? " (BENCH_QUICK)" : ""}`,
    "",
    ...table(["target", "figure", "status"], targets(results).map((t) => [t.target, t.figure, t.status])),
    "",
    ...resultSections(results),
    ...(results.errors.length ? ["Errors:", ...results.errors.map((error) => `- ${error}`), ""] : []),
    `Total run time: ${results.totalSeconds.toFixed(0)} s`,
  ];
  return lines.join("\n");
}

export function markdownReport(results: BenchResults): string {
  const { machine, config } = results;
  const v = results.versions;
  return [
    "# Benchmarks",
    "",
    `<!-- Generated by \`npm run bench\` (bench/run.ts, template in bench/report.ts) on ${machine.date}. A full run rewrites this whole file: edit the template, not this file. -->`,
    "",
    `\`npm run bench\` runs the same workloads against three sync servers in one run — ours, Hocuspocus ${v["@hocuspocus/server"]} and the reference server of y-websocket ${v["y-websocket-server-legacy"]} — each alone in a child process on this machine, and reports each figure with our/peer ratios and each target as met or missed (the run below took ${Math.round(results.totalSeconds / 60)} min). \`bench/README.md\` explains how to run one workload or one server (\`BENCH_SERVERS\`, \`BENCH_WORKLOADS\`, \`BENCH_QUICK=1\`). The editing traces are read at bench time from \`${DEFAULT_TRACES_DIR}\` next to the repository (\`BENCH_TRACES_DIR\` overrides it).`,
    "",
    "Articles (upload processing of a 12-megapixel photo, the published page's size): [benchmarks-articles.md](benchmarks-articles.md), from `npm run bench:articles`.",
    "",
    "## Machine",
    "",
    ...table(
      ["", ""],
      [
        ["date", machine.date],
        ["commit", machine.commit],
        ["CPU", `${machine.cpuModel}, ${machine.cores} cores (shared with other work: see "other processes' CPU")`],
        ["memory", `${machine.memoryGiB} GiB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["1-min load average at start", String(machine.loadAverage)],
        ["run time", `${(results.totalSeconds / 60).toFixed(1)} min`],
        [
          "versions",
          `@hocuspocus/server ${v["@hocuspocus/server"]}, @hocuspocus/provider ${v["@hocuspocus/provider"]}, y-websocket ${v["y-websocket-server-legacy"]} (reference server) and ${v["y-websocket"]} (client), yjs ${v.yjs}, y-protocols ${v["y-protocols"]}, ws ${v.ws}`,
        ],
      ],
    ),
    "",
    "## Targets",
    "",
    "Reported, not asserted: the run never fails because a target is missed.",
    "",
    ...table(["target", "this run", ""], targets(results).map((t) => [t.target, t.figure, t.status === "met" ? "met" : t.status === "missed" ? "**missed**" : "not measured"])),
    "",
    "## Results",
    "",
    ...resultSections(results),
    ...(results.errors.length ? ["### Errors during the run", "", ...results.errors.map((error) => `- ${error}`), ""] : []),
    "## Observations",
    "",
    ...observations(results),
    "",
    "## Method",
    "",
    ...method(config, results),
    "",
    "## Credits",
    "",
    "The bursts and load benchmarks use the editing traces of **Joseph Gentle, [editing-traces](https://github.com/josephg/editing-traces)**, licensed **CC BY 4.0**. The `automerge-paper` trace was originally recorded by **Martin Kleppmann et al.** (automerge-perf): the keystrokes of writing a LaTeX paper. The traces are read at bench time from a local copy and are not part of this repository.",
    "",
  ].join("\n");
}

function method(config: BenchConfig, results: BenchResults): string[] {
  return [
    "**Processes.** Everything runs on this one machine, each part in its own Node process: the server under test (ours: the app's sync server from `startNewsroomServer` with `nextMode: \"none\"`, on a fresh embedded PostgreSQL 18 with `fsync` and `synchronous_commit` on; Hocuspocus: its own `Server` class, quiet, no extensions, default options; the reference server: `bin/server.cjs` rebuilt on a free port with the `ws` it ships with, no persistence), two load-generator processes sharing the simulated editors, and two probe processes with the full clients. The benchmark talks to our server only through the `/collab/<documentId>` websocket and the database tables. All three servers run for the whole benchmark; the workloads alternate between them point by point (fan-out) or case by case, so a busy moment on the shared machine does not fall on one server only. CPU and memory of each process are read from `/proc/<pid>` (so they are measured while a server is stuck); the event-loop delay (beyond a 5 ms sampling interval) comes from the server over IPC. \"Other processes' CPU\" is the machine's busy time from `/proc/stat` minus that of the benchmark's own processes and PostgreSQL: other people's work on this shared 2-core machine.",
    "",
    "**Simulated editors.** A raw TCP socket each (bench/rawSocket.ts, bench/loadClients.ts) doing the websocket handshake itself: frames are sent masked with a zero key and received by walking frame headers only — payloads are skipped, never copied or decoded, so receiving costs the generator almost nothing and it is not the limit. Each speaks the server's protocol: y-websocket's (sync step 1 to ask for the document, step 2 to answer the server's step 1) or Hocuspocus's (the document name before every message, an Auth token message first, then the same sync messages). Its Yjs updates are real and pre-generated: a paragraph of its own in the `default` XmlFragment, then one character typed at its end per keystroke; each keystroke is followed by an awareness update with Tiptap's CollaborationCaret state `{ user: { name, color }, cursor: { anchor, head } }`, where anchor and head are `Y.relativePositionToJSON` of the position after the character just typed. Our server gets a next-auth session cookie per editor (one user per socket), Hocuspocus any token (no authentication extension), the reference server nothing. Each editor starts at a random phase; a late generator catches up by at most one period, never with a burst (\"max send lag\").",
    "",
    "**Full clients.** y-websocket's `WebsocketProvider` 3.1 (the app's client library) for ours and for the reference server, `@hocuspocus/provider` for Hocuspocus (its websocket built by us and attached with `provider.attach()`), each with its own Y.Doc; with y-websocket they send only their own awareness state, as the app's client does (the stock provider re-sends every awareness update it receives). Latency is from the sender's `Y.XmlText.insert` (the provider sends from inside it) to the moment another full client's copy of that text grows (an observer on it); all four clients share one process and its monotonic clock. Convergence: after the load stops, every full client must hold every other full client's text exactly and every simulated editor's last sent keystroke (its Yjs client id at the clock it reached), within 15 s. Percentiles are nearest-rank; a delivery not made within 10 s after the last edit counts as lost (slower than any delivered one).",
    "",
    `**Bursts.** The trace's updates are generated once per run (one Y transaction per recorded transaction into a paragraph's Y.XmlText, one update each) and written to a temporary file; the writer — a raw socket like the simulated editors, authenticated and synced — encodes each as its own websocket message before the clock starts, then writes them ${WRITE_GROUP} frames per socket write (each still its own message), waiting for \`drain\` whenever the kernel's buffer is full. A raw socket rather than a provider, so that the client's own cost per message does not hide the server's: a y-websocket provider applying and sending the same updates needed 5–15 s for each trace on this machine by itself. The receiver, another process, checks its state vector and text after each transaction it applies. Both processes read the same CLOCK_MONOTONIC. The floor applies the same updates to a bare Y.Doc in the benchmark process (${config.bursts.floorRuns} runs, median). A server that has not delivered everything within max(${config.bursts.minTimeoutMs / 1000} s, 30 × floor) is reported as such and restarted.`,
    "",
    `**Persistence lag.** Measured from the outside, without touching the server: every row of \`document_updates\` holds \`author_id\`, \`update\` (Yjs update bytes; one author's updates of one write batch merged) and \`created_at\` (taken just before the insert). The benchmark's PostgreSQL runs with \`track_commit_timestamp = on\`${results.commitTimestamps ? "" : " (not available in this run: created_at was used instead)"}, so \`pg_xact_commit_timestamp(xmin)\` is when each row's transaction committed. For the measuring clients' rows (fan-out: the four full clients' users; bursts: the writer's), \`Y.parseUpdateMeta\` gives the range of clocks of each Yjs client a row holds; each edit's clock and wall-clock send time are known, so its lag is the commit time of the first row holding its clock minus its send time — an upper bound of accepted → committed (the edit reaches the server a little after it is sent, and later when the server is behind). The commit time minus the edit's first arrival at another client is a lower bound (the server relays only what it has accepted). \`created_at\` − send is shown too: it excludes the insert itself. Both processes and PostgreSQL read the same system clock.`,
    "",
    "**Idle memory.** Each server is restarted before it; a short editing session warms it up; then the cycle — open the documents, add the second connections, everyone leaves — runs twice, on new documents each time. The second cycle is the figure: the first also pays once for what a process that has been busy already has (code compiled, V8's young generation grown to its working size — 32 MB for ours and the reference server in the first cycle —, malloc's per-thread arenas), which the slopes would otherwise charge to the first documents opened. RSS is read from `/proc/<pid>/status` (VmRSS) after two plain `global.gc()` full collections per round (the server processes run with `--expose-gc`; on Node 20 a `gc()` call given an options object such as type major leaves old-space garbage in place, so the figures before 2026-12-05 counted garbage), repeated every 0.6 s until RSS moves by less than 0.5 MB twice in a row, and for each cycle's baseline at least 12 s after the busy spell before it (pages go back to the system seconds later); V8's heap used, read in the same call right after the collections, is shown beside it and split the same way, because it is much less noisy than RSS. The connections are the generators' raw sockets: one per document first (the first brings the document's content as its sync step 2 — a no-op for ours, which has it stored as a snapshot), then a second one per document, each in three steps with a measurement after each; each sets a caret and renews it every 15 s as an idle editor's awareness does. Then everyone leaves and the benchmark waits (at most 60 s) until the server reports no open document (the reference server: no connection). `BENCH_MEMORY_DETAIL=1` prints V8's spaces at each step.",
    "",
    "**Loading.** Ours: the final state of automerge-paper stored as one snapshot row (what compaction writes) in a new document; the server process has served the other benchmarks (warm), the room is not loaded; the first load and more, each after the room unloaded. All three: a client holds the document open (it sent the state as one update) and a fresh client joins.",
    "",
    "**Not measured.** ProseMirror and the browser (the full clients are Y.Docs without an editor view), real networks, several server processes, the Next.js pages, and persistence for the peers.",
    "",
    "**Version history and import parsing** are benchmarks of our server's own features (no peer equivalent): the history functions run in the benchmark process against the same PostgreSQL after a full client made 40 edits through the sync server; import parsing runs the app's importers in the calling thread and through the server's import worker.",
  ];
}
