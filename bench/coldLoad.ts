// Loading automerge-paper (104,852 characters; a 304 KiB V1 state).
//  - Cold load (ours): the document stored compacted, as one snapshot row;
//    the server process warm (it has served the other benchmarks), the room
//    not loaded. A fresh client's time from creating its provider to synced,
//    its text checked against the trace's endContent. The first load, then
//    more, each after the room unloaded again.
//  - Joining a live document (all three): a writer holds the document open
//    (it sent the state as one update); a fresh client joins. The peers have
//    no storage, so this is the comparable figure for them.
import { randomUUID } from "node:crypto";
import { createBenchDocument, createStoredDocuments } from "./fixtures";
import type { FullClientSpec } from "./fullClient";
import type { ServerUnderTest } from "./servers";
import { sleep } from "./stats";
import type { TraceUpdates } from "./traces";
import type { BenchContext } from "./workers";

export type LoadTimes = { firstMs: number; runsMs: number[] };

export async function runColdLoads(context: BenchContext, server: ServerUnderTest, trace: TraceUpdates, runs: number): Promise<LoadTimes & { unloadedBetween: boolean | undefined }> {
  const [probe] = context.workers.probes;
  const [owner, reader] = context.users;
  const [documentId] = await createStoredDocuments(owner!, [{ title: `Cold load: ${trace.trace}`, state: trace.finalState }]);
  const spec: FullClientSpec = { endpoint: server.endpoint, documentId: documentId!, name: "Cold reader", color: "#333333", cookie: reader!.cookie };
  const times: number[] = [];
  let unloadedBetween: boolean | undefined = true;
  for (let run = 0; run <= runs; run++) {
    const { syncedMs } = await probe!.request<{ syncedMs: number }>("join", { spec, expectText: trace.endContent }, 120_000);
    times.push(syncedMs);
    const idle = await server.waitUntilIdle(30_000);
    if (idle !== true) unloadedBetween = idle;
    await sleep(200);
  }
  return { firstMs: times[0]!, runsMs: times.slice(1), unloadedBetween };
}

export async function runLiveJoins(context: BenchContext, server: ServerUnderTest, trace: TraceUpdates, runs: number): Promise<LoadTimes> {
  const [probe, holder] = context.workers.probes;
  const [owner, reader] = context.users;
  const documentId = server.kind === "ours" ? await createBenchDocument(owner!, `Live join: ${trace.trace}`) : randomUUID();
  const spec = (user: typeof owner, name: string): FullClientSpec => ({ endpoint: server.endpoint, documentId, name, color: "#333333", cookie: server.kind === "ours" ? user!.cookie : undefined });
  try {
    await holder!.request("open", { specs: [spec(owner, "Holder")] });
    await holder!.request("applyState", { state: trace.finalState }, 60_000);
    await sleep(500);
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const { syncedMs } = await probe!.request<{ syncedMs: number }>("join", { spec: spec(reader, "Joiner"), expectText: trace.endContent }, 120_000);
      times.push(syncedMs);
      await sleep(200);
    }
    return { firstMs: times[0]!, runsMs: times.slice(1) };
  } finally {
    await holder!.request("closeClients").catch(() => {});
    await server.waitUntilIdle(30_000);
  }
}
