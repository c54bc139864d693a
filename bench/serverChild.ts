// The child side shared by the three servers under test (each runs alone in
// its own process, started with --expose-gc): announces the port, then
// answers the parent's requests for CPU, memory, event-loop delay and open
// documents, and runs a full garbage collection on demand (the idle-memory
// benchmark reads RSS after one).
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapSpaceStatistics, writeHeapSnapshot } from "node:v8";
import { emitToParent, serveParent } from "./childProcess";

export type ServerStats = {
  /** process.cpuUsage(), in microseconds. */
  cpu: NodeJS.CpuUsage;
  rssBytes: number;
  heapUsedBytes: number;
  /** V8's heap as reserved from the system (used or not), and memory held by Buffers and ArrayBuffers outside it. */
  heapTotalBytes: number;
  externalBytes: number;
  /** Event-loop delay since the last resetLoopDelay, in ms. */
  loopDelay: { p50: number; p99: number; max: number };
  /** Documents the server holds in memory, and sockets attached to them; undefined where the server does not tell. */
  documents: number | undefined;
  connections: number | undefined;
};

export type ServerIntrospection = {
  documents(): number | undefined;
  connections(): number | undefined;
};

const LOOP_RESOLUTION_MS = 5;

export function serveServer(port: number, introspection: ServerIntrospection, close: () => Promise<void>, extra: Record<string, (args: never) => unknown> = {}): void {
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  // The histogram holds whole timer intervals; the delay is what exceeds the sampling interval.
  const delay = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);
  loop.enable();
  let closing: Promise<void> | undefined;
  const stop = () =>
    (closing ??= (async () => {
      loop.disable();
      await close();
    })());
  serveParent(
    {
      stats: (): ServerStats => {
        const memory = process.memoryUsage();
        return {
          cpu: process.cpuUsage(),
          rssBytes: memory.rss,
          heapUsedBytes: memory.heapUsed,
          heapTotalBytes: memory.heapTotal,
          externalBytes: memory.external,
          loopDelay: { p50: delay(loop.percentile(50)), p99: delay(loop.percentile(99)), max: delay(loop.max) },
          documents: safely(introspection.documents),
          connections: safely(introspection.connections),
        };
      },
      resetLoopDelay: () => loop.reset(),
      gc: () => collectAllGarbage(),
      /** The heap in use right after a full collection (read later, it counts what the idle sockets allocated since). */
      heapUsedAfterGc: () => (collectAllGarbage() ? process.memoryUsage().heapUsed : undefined),
      /** V8's heap spaces: committed (physical) and used size of each, in bytes (BENCH_MEMORY_DETAIL). */
      heapSpaces: () => Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { physical: space.physical_space_size, used: space.space_used_size }])),
      /** Writes a V8 heap snapshot named after the label into the folder (BENCH_HEAP_SNAPSHOT_DIR). */
      heapSnapshot: ({ folder, label }: { folder: string; label: string }) => writeHeapSnapshot(path.join(folder, `${label}.heapsnapshot`)),
      close: stop,
      ...extra,
    },
    stop,
  );
  emitToParent("ready", { port, pid: process.pid });
}

/**
 * Two full collections with a plain `gc()`. Not `gc({ type: "major", … })`:
 * on Node 20 (V8 11.3) a call with an options object leaves old-space garbage
 * in place (measured: 29 MB of dropped objects still counted after four such
 * calls, gone after one plain `gc()`), so the memory figures counted garbage.
 * The second call finishes sweeping what the first freed, so heapUsed read
 * right after it is the live heap.
 */
function collectAllGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

function safely(read: () => number | undefined): number | undefined {
  try {
    const value = read();
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
