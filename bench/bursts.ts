// Bursts: one client (the writer, a raw socket in probe process 2) sends a
// recorded trace as it was produced — one Yjs update per recorded
// transaction, each its own message — as fast as its socket takes them; a
// second, full client (probe process 1) waits until its text equals the
// trace's endContent. Measured from the writer's first update (both
// processes read the same monotonic clock): when the writer has sent them
// all, and when the second client has all of them. The writer is a raw
// socket rather than a provider so that the client's own per-message cost
// (a y-websocket provider needs ~50–200 µs per update here) does not hide
// the server's. The floor is the same updates applied to a bare Y.Doc in the
// parent process.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createBenchDocument, type BenchUser } from "./fixtures";
import type { FullClientSpec } from "./fullClient";
import { processUsage, startCpuMeter } from "./machineLoad";
import { lagHistogram, waitForRows, type LagEdit, type LagHistogram, type ServerLagHistogram } from "./persistenceLag";
import type { BurstReceiveResult, BurstWriteResult } from "./probeWorker";
import type { ServerUnderTest } from "./servers";
import { encodeUpdates, type TraceUpdates } from "./traces";
import type { BenchContext } from "./workers";

/** Frames per socket write: each update is still its own websocket message. */
export const WRITE_GROUP = 100;

export type BurstResult = {
  trace: string;
  updates: number;
  floorMs: number;
  /** From the first update until the writer had written the last one to its socket… */
  writerWrittenMs: number;
  /** …and the socket had handed everything to the kernel. */
  writerSentMs: number;
  /** From the first update until the second client's text equalled endContent; NaN when it did not within the timeout. */
  receiverMs: number;
  detail: string;
  serverCpuPercent: number;
  serverMaxRssMb: number;
  persistence?: LagHistogram;
  /** Ours: its own accepted → stored histogram during the burst. */
  serverPersistenceLag?: ServerLagHistogram;
  restarted: boolean;
};

/** Writes the updates where the writer process can read them; returns the file (deleted by the caller). */
export async function writeUpdatesFile(updates: TraceUpdates): Promise<string> {
  const file = path.join(os.tmpdir(), `newsroom-bench-${updates.trace}-${process.pid}.bin`);
  await fs.writeFile(file, encodeUpdates(updates.updates));
  return file;
}

export async function runBurst(
  context: BenchContext,
  server: ServerUnderTest,
  updates: TraceUpdates,
  file: string,
  floorMs: number,
  timeoutMs: number,
): Promise<BurstResult> {
  const [receiver, writer] = context.workers.probes;
  const [userA, userB] = context.users;
  if (!receiver || !writer || !userA || !userB) throw new Error("bursts need two probe processes and two users");
  const documentId = server.kind === "ours" ? await createBenchDocument(userA, `Burst: ${updates.trace}`) : randomUUID();
  const spec = (user: BenchUser, name: string): FullClientSpec => ({
    endpoint: server.endpoint,
    documentId,
    name,
    color: "#333333",
    cookie: server.kind === "ours" ? user.cookie : undefined,
  });
  let restarted = false;
  try {
    await Promise.all([
      writer.request("burstConnect", { endpoint: server.endpoint, documentId, cookie: server.kind === "ours" ? userA.cookie : undefined }),
      receiver.request("open", { specs: [spec(userB, "Receiver")] }),
    ]);
    await writer.request("burstLoad", { file }, 120_000);
    const finalClock = updates.clockAfter.at(-1)!;
    const watching = receiver.nextEvent("burstWatching", 30_000);
    const received = receiver.request<BurstReceiveResult>(
      "burstReceive",
      { clientId: updates.clientId, finalClock, endContent: updates.endContent, timeoutMs },
      timeoutMs + 60_000,
    );
    await watching;
    // RSS from /proc (the server may be too busy to answer over IPC).
    let maxRss = 0;
    const sample = () => (maxRss = Math.max(maxRss, processUsage(server.pid)?.rssBytes ?? 0));
    sample();
    await server.persistenceLag({ reset: true });
    const meter = startCpuMeter({ server: [server.pid] });
    const sampler = setInterval(sample, 100);
    const written = await writer.request<BurstWriteResult>("burstWrite", { group: WRITE_GROUP, timeoutMs }, timeoutMs + 60_000);
    const result = await received;
    clearInterval(sampler);
    sample();
    const cpu = meter.stop();
    const receiverMs = result.convergedMono - written.startMono;
    const burst: BurstResult = {
      trace: updates.trace,
      updates: updates.updates.length,
      floorMs,
      writerWrittenMs: written.writtenMono - written.startMono,
      writerSentMs: written.sentMono - written.startMono,
      receiverMs,
      detail: result.detail,
      serverCpuPercent: cpu.percent.server!,
      serverMaxRssMb: maxRss / 2 ** 20,
      restarted,
    };
    if (server.kind === "ours" && Number.isFinite(receiverMs)) {
      const edits = burstEdits(updates, written, result);
      const rows = await waitForRows(documentId, [userA.id], edits, 30_000);
      burst.persistence = lagHistogram(edits, rows);
      burst.serverPersistenceLag = await server.persistenceLag();
    }
    return burst;
  } finally {
    await Promise.all([writer.request("closeClients").catch(() => {}), receiver.request("closeClients").catch(() => {})]);
    const idle = await server.waitUntilIdle(30_000);
    if (idle === false) {
      context.log(`    ${server.label} still holds the burst's document 30 s after both clients left; restarting it`);
      await server.restart({ force: true });
      restarted = true;
    }
  }
}

/** Each update that added characters, with its first clock, its send time and its first arrival at the receiver. */
function burstEdits(updates: TraceUpdates, written: BurstWriteResult, received: BurstReceiveResult): LagEdit[] {
  const edits: LagEdit[] = [];
  const offset = written.wallMinusMono;
  let arrival = 0;
  for (let i = 0; i < updates.updates.length; i++) {
    const before = i === 0 ? 0 : updates.clockAfter[i - 1]!;
    const after = updates.clockAfter[i]!;
    if (after <= before) continue; // delete-only: no clock to find in a row
    while (arrival < received.arrivalsClock.length && received.arrivalsClock[arrival]! < after) arrival++;
    const firstArrivalWall = arrival < received.arrivalsMono.length ? received.arrivalsMono[arrival]! + offset : NaN;
    edits.push({ clientId: updates.clientId, clock: before, sentWall: written.sendWall[i]!, firstArrivalWall });
  }
  return edits;
}
