// The sync server alone in a child process (so the load generator and the
// measuring clients never share its event loop). Started by
// startBenchServer.ts with DATABASE_URL and BENCH_AUTH_SECRET set; announces
// its port, then answers the parent's requests for its own CPU, memory and
// event-loop delay, and flushes a room on demand.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { disconnectPrisma } from "../server/db/prisma";
import { startNewsroomServer } from "../server/http/startNewsroomServer";
import { emitToParent, serveParent } from "./childProcess";

export type ServerStats = {
  /** process.cpuUsage() of the server process, in microseconds. */
  cpu: NodeJS.CpuUsage;
  rssBytes: number;
  maxRssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay since the last resetLoopDelay, in ms. */
  loopDelay: { p50: number; p99: number; max: number };
  rooms: { documentId: string; connections: number }[];
};

const authSecret = process.env.BENCH_AUTH_SECRET;
if (!authSecret || !process.env.DATABASE_URL) throw new Error("serverProcess needs DATABASE_URL and BENCH_AUTH_SECRET");

const server = await startNewsroomServer({ port: 0, host: "127.0.0.1", authSecret, nextMode: "none" });
const LOOP_RESOLUTION_MS = 5;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
// The histogram holds whole timer intervals; the delay is what exceeds the sampling interval.
const delay = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);
loop.enable();

let closing: Promise<void> | undefined;
const close = () =>
  (closing ??= (async () => {
    loop.disable();
    await server.close();
    await disconnectPrisma();
  })());

serveParent(
  {
    stats: (): ServerStats => {
      const memory = process.memoryUsage();
      return {
        cpu: process.cpuUsage(),
        rssBytes: memory.rss,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        heapUsedBytes: memory.heapUsed,
        loopDelay: { p50: delay(loop.percentile(50)), p99: delay(loop.percentile(99)), max: delay(loop.max) },
        rooms: [...server.collab.rooms].map(([documentId, room]) => ({ documentId, connections: room.connections.size })),
      };
    },
    resetLoopDelay: () => loop.reset(),
    /** Stores everything the room accepted and writes its snapshot; false when the room is not open. */
    flush: async ({ documentId }: { documentId: string }) => {
      const room = server.collab.rooms.get(documentId);
      if (!room) return false;
      await room.store("snapshot");
      return true;
    },
    close,
  },
  close,
);

console.log(`[bench server] sync server listening on 127.0.0.1:${server.port} (pid ${process.pid})`);
emitToParent("ready", { port: server.port });
