// Idle memory: 1,000 connections over 500 documents of about 2 KB each (two
// connections per document), on a freshly started server. Baseline RSS after
// a warm-up (one short editing session) and full GCs; then the documents are
// opened in three steps (one connection each), then a second connection is
// added to them in three steps, then everyone leaves. RSS is read from
// /proc/<pid>/status after full GCs in the server process (started with
// --expose-gc), once it has settled, so it is the memory the server keeps,
// not garbage not yet collected. The least-squares slopes over the steps
// give the cost of a connection and of an open document separately, with
// less of RSS's noise than one difference would.
// The whole cycle runs twice, on new documents each time, and the second
// cycle is the figure: the first also pays for one-time growth of the
// process (compiled code, V8's young generation growing to 32 MB, malloc's
// per-thread arenas), which a server that has been busy once has already
// paid. The first cycle's split is reported beside it.
// Connections are the generators' raw sockets: each asks for the document,
// the first per document sends the content (the peers have no storage; ours
// has it stored as a snapshot already, so the content is a no-op there),
// and each sets a caret and renews it every 15 s, as y-protocols' Awareness
// does for an idle editor.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { createStoredDocuments } from "./fixtures";
import type { FullClientSpec } from "./fullClient";
import type { LoadPlan, RawClientSpec } from "./loadClients";
import { processUsage } from "./machineLoad";
import { FRAGMENT } from "./protocol";
import type { ServerUnderTest } from "./servers";
import { sleep } from "./stats";
import type { BenchContext } from "./workers";

/** youngMb: V8's young generation as committed from the system (it grows to 32 MB under a high allocation rate and shrinks only once the process is idle). */
export type MemoryPoint = { rssMb: number; heapMb: number; youngMb: number | undefined; documents: number | undefined; connections: number | undefined };

/** One cycle: open the documents, add the second connections, everyone leaves. */
export type MemoryCycle = {
  baseline: MemoryPoint;
  /** After each step of opening documents (one connection each), then of adding connections. */
  openSteps: MemoryPoint[];
  connectSteps: MemoryPoint[];
  afterLeaving: MemoryPoint;
  /** (RSS with all connections − baseline) / connections, and / documents. */
  perConnectionTotalKb: number;
  perDocumentTotalKb: number;
  /** Least-squares slope of RSS over the steps adding a second connection to documents already open. */
  perConnectionKb: number;
  /** Slope over the steps opening documents (one connection each), minus perConnectionKb. */
  perDocumentKb: number;
  /** The same split from V8's heap used (less noisy than RSS, but blind to memory outside the heap). */
  heapPerConnectionKb: number;
  heapPerDocumentKb: number;
  /** Per open document from RSS minus V8's young generation (NaN when the server cannot tell): what the documents cost beyond V8's allocation area growing. */
  perDocumentBeyondYoungKb: number;
  /** Seconds until the server reported no open document (or no connection, for the reference server); NaN if never. */
  unloadSeconds: number;
};

/** The figures of the second cycle (a process that has served the same load once), and the first cycle's beside them. */
export type IdleMemoryResult = MemoryCycle & {
  documents: number;
  connectionsPerDocument: number;
  documentBytes: number;
  gc: boolean;
  /** The first cycle, on the freshly started process: it also pays for compiling code and for growing V8's young generation and malloc's arenas once. */
  firstCycle: MemoryCycle;
};

const STEPS = 3;

export async function runIdleMemory(context: BenchContext, server: ServerUnderTest, options: { documents: number; connectionsPerDocument: number }): Promise<IdleMemoryResult> {
  const { workers, users, log } = context;
  const generators = workers.generators;
  const contents = Array.from({ length: options.documents }, (_, index) => documentOfAbout2KB(index));
  const documentBytes = contents.reduce((total, state) => total + state.length, 0) / contents.length;
  // Each cycle gets documents of its own (the reference server keeps every document it has seen).
  const newDocuments = async (cycle: number) =>
    server.kind === "ours"
      ? await createStoredDocuments(users[0]!, contents.map((state, index) => ({ title: `Idle ${cycle}.${index}`, state })))
      : contents.map(() => randomUUID());

  // Warm-up: one short session through the whole path, then leave.
  const [probe] = workers.probes;
  const warmDocument = server.kind === "ours" ? (await createStoredDocuments(users[0]!, [{ title: "Warm-up", state: contents[0]! }]))[0]! : randomUUID();
  const spec = (index: number): FullClientSpec => ({ endpoint: server.endpoint, documentId: warmDocument, name: `Warm ${index}`, color: "#333333", cookie: server.kind === "ours" ? users[index]!.cookie : undefined });
  await probe!.request("open", { specs: [spec(0), spec(1)] });
  await probe!.request("prepare");
  await probe!.request("run", { editsPerSecond: 20, seconds: 1, caret: true, graceMs: 2000 });
  await probe!.request("closeClients");
  await server.waitUntilIdle(10_000);

  const gcWorks = await server.gc();
  // GC until RSS settles (two readings 0.6 s apart within 0.5 MB), at most ~15 s. After a busy spell pages go back to
  // the system seconds later (measured here after the warm-up: the reference
  // server's RSS flat for 4 s, then 10 MB lower; ours flat for 8 s, then
  // 30 MB lower), so each cycle's baseline waits 12 s.
  const measure = async (minimumMs = 0): Promise<MemoryPoint> => {
    await sleep(500);
    const earliestEnd = performance.now() + minimumMs;
    let previous = NaN;
    let steady = 0;
    let stats = await server.stats(30_000);
    let heapUsed: number | undefined;
    for (let round = 0; round < 25 && (steady < 2 || performance.now() < earliestEnd); round++) {
      heapUsed = await server.heapUsedAfterGc();
      await sleep(600);
      stats = await server.stats(30_000);
      const rss = processUsage(server.pid)?.rssBytes ?? stats.rssBytes;
      steady = Math.abs(rss - previous) < 512 * 1024 ? steady + 1 : 0;
      previous = rss;
    }
    const spaces = await server.heapSpaces().catch(() => undefined);
    if (spaces && process.env.BENCH_MEMORY_DETAIL) {
      log(`      V8 spaces, committed/used MB: ${Object.entries(spaces).filter(([, space]) => space.physical > 0).map(([name, space]) => `${name.replace("_space", "")} ${(space.physical / 2 ** 20).toFixed(1)}/${(space.used / 2 ** 20).toFixed(1)}`).join(", ")}; heap total ${(stats.heapTotalBytes / 2 ** 20).toFixed(1)}, external ${(stats.externalBytes / 2 ** 20).toFixed(1)}`);
    }
    const young = spaces?.new_space?.physical;
    return { rssMb: previous / 2 ** 20, heapMb: (heapUsed ?? stats.heapUsedBytes) / 2 ** 20, youngMb: young === undefined ? undefined : young / 2 ** 20, documents: stats.documents, connections: stats.connections };
  };
  // BENCH_HEAP_SNAPSHOT_DIR: a heap snapshot at the baseline, with every document open, with every connection, and after everyone left.
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
  const snapshot = async (label: string) => {
    if (snapshotDir) log(`    heap snapshot: ${await server.heapSnapshot(snapshotDir, `${server.kind}-${label}`)}`);
  };

  const runCycle = async (cycle: number, documentIds: string[]): Promise<MemoryCycle> => {
    let started = false;
    /** Connects one more socket to each of these documents (round 0 brings the content). */
    const connect = async (indexes: number[], round: number) => {
      await Promise.all(
        generators.map((generator, g) => {
          const clients: RawClientSpec[] = indexes
            .filter((index) => index % generators.length === g)
            .map((index) => {
              const user = users[(index * options.connectionsPerDocument + round) % users.length]!;
              return { documentId: documentIds[index]!, cookie: server.kind === "ours" ? user.cookie : undefined, typing: false, initialState: round === 0 ? contents[index] : undefined };
            });
          const plan: LoadPlan = { endpoint: server.endpoint, clients, keystrokesPerSecond: 1, maxDurationSeconds: 0, firstIndex: cycle * 1_000_000 + g * 100_000 + round * 10_000 + indexes[0]! };
          return generator.request(started ? "add" : "connect", plan, 300_000);
        }),
      );
      started = true;
      await Promise.all(generators.map((generator) => generator.request("start")));
    };
    const stepsOf = (count: number) => Array.from({ length: STEPS }, (_, step) => Array.from({ length: count }, (_, index) => index).filter((index) => index % STEPS === step));
    const label = `cycle ${cycle}`;
    const baseline = await measure(12_000);
    await snapshot(`${cycle}-1-baseline`);
    try {
      const all = documentIds.map((_, index) => index);
      const openSteps: MemoryPoint[] = [];
      for (const step of stepsOf(all.length)) {
        await connect(step, 0);
        openSteps.push(await measure());
      }
      await snapshot(`${cycle}-2-documents-open`);
      log(`    ${label}: ${options.documents} documents open, one connection each: RSS ${openSteps.at(-1)!.rssMb.toFixed(0)} MB (baseline ${baseline.rssMb.toFixed(0)} MB)`);
      const connectSteps: MemoryPoint[] = [];
      for (let round = 1; round < options.connectionsPerDocument; round++) {
        for (const step of stepsOf(all.length)) {
          await connect(step, round);
          connectSteps.push(await measure());
        }
      }
      await snapshot(`${cycle}-3-all-connections`);
      const last = connectSteps.at(-1) ?? openSteps.at(-1)!;
      log(`    ${label}: ${options.connectionsPerDocument} connections each: RSS ${last.rssMb.toFixed(0)} MB`);

      await Promise.all(generators.map((generator) => generator.request("disconnect", undefined, 120_000)));
      const left = performance.now();
      const idle = await server.waitUntilIdle(60_000);
      const unloadSeconds = idle === false ? NaN : (performance.now() - left) / 1000;
      const afterLeaving = await measure();
      await snapshot(`${cycle}-4-everyone-left`);
      log(`    ${label}: everyone left: RSS ${afterLeaving.rssMb.toFixed(0)} MB, open documents ${afterLeaving.documents ?? "unknown"}`);

      const perStep = options.documents / STEPS;
      const open = openSteps.at(-1)!;
      const slopeKb = (points: MemoryPoint[], pick: (point: MemoryPoint) => number) => (slope(points.map((point, index) => [index * perStep, pick(point)])) * 1024) || NaN;
      const openCurve = [baseline, ...openSteps];
      const connectCurve = [open, ...connectSteps];
      const perConnectionKb = slopeKb(connectCurve, (point) => point.rssMb);
      const heapPerConnectionKb = slopeKb(connectCurve, (point) => point.heapMb);
      const connections = options.documents * options.connectionsPerDocument;
      return {
        baseline,
        openSteps,
        connectSteps,
        afterLeaving,
        perConnectionTotalKb: ((last.rssMb - baseline.rssMb) * 1024) / connections,
        perDocumentTotalKb: ((last.rssMb - baseline.rssMb) * 1024) / options.documents,
        perConnectionKb,
        perDocumentKb: slopeKb(openCurve, (point) => point.rssMb) - perConnectionKb,
        heapPerConnectionKb,
        heapPerDocumentKb: slopeKb(openCurve, (point) => point.heapMb) - heapPerConnectionKb,
        perDocumentBeyondYoungKb:
          slopeKb(openCurve, (point) => point.rssMb - (point.youngMb ?? NaN)) - slopeKb(connectCurve, (point) => point.rssMb - (point.youngMb ?? NaN)),
        unloadSeconds,
      };
    } finally {
      await Promise.all(generators.map((generator) => generator.request("disconnect", undefined, 120_000).catch(() => {})));
    }
  };

  const firstCycle = await runCycle(1, await newDocuments(1));
  const secondCycle = await runCycle(2, await newDocuments(2));
  return { ...secondCycle, documents: options.documents, connectionsPerDocument: options.connectionsPerDocument, documentBytes, gc: gcWorks, firstCycle };
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((total, [x]) => total + x, 0) / n;
  const my = points.reduce((total, [, y]) => total + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const [x, y] of points) {
    numerator += (x - mx) * (y - my);
    denominator += (x - mx) ** 2;
  }
  return denominator > 0 ? numerator / denominator : NaN;
}

/** A document of about 2 KB (encoded state): a few paragraphs of text, each its own insert. */
function documentOfAbout2KB(seed: number): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(FRAGMENT);
  const words = ["council", "budget", "vote", "district", "school", "report", "housing", "transit", "plan", "delay", "mayor", "residents"];
  let paragraphs = 0;
  while (Y.encodeStateAsUpdate(doc).length < 2048 - 120) {
    const text = Array.from({ length: 40 }, (_, index) => words[(seed + paragraphs * 7 + index * 3) % words.length]).join(" ") + ". ";
    const paragraph = new Y.XmlElement("paragraph");
    const content = new Y.XmlText();
    doc.transact(() => {
      paragraph.insert(0, [content]);
      fragment.push([paragraph]);
      content.insert(0, text.slice(0, 480));
    });
    paragraphs++;
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
