// Our sync server alone in a child process (so the load generator and the
// measuring clients never share its event loop), started by servers.ts with
// DATABASE_URL and BENCH_AUTH_SECRET set and --expose-gc. The benchmark talks
// to it only through the /collab websocket and the database; the open-room
// count and the flush below look into the server object where it offers
// them, and degrade to "unknown" when a rewrite moves them.
import { disconnectPrisma } from "../server/db/prisma";
import { getMetrics } from "../server/metrics/metrics";
import { startNewsroomServer } from "../server/http/startNewsroomServer";
import type { ServerLagHistogram } from "./persistenceLag";
import { serveServer } from "./serverChild";

const authSecret = process.env.BENCH_AUTH_SECRET;
if (!authSecret || !process.env.DATABASE_URL) throw new Error("serverProcess needs DATABASE_URL and BENCH_AUTH_SECRET");

const server = await startNewsroomServer({ port: 0, host: "127.0.0.1", authSecret, nextMode: "none" });

type RoomLike = { connections?: { size: number }; store?: (what: string) => Promise<unknown>; flush?: () => Promise<void> };
const rooms = (): Map<string, RoomLike> | undefined => {
  const collab = (server as unknown as { collab?: { rooms?: unknown } }).collab;
  return collab?.rooms instanceof Map ? (collab.rooms as Map<string, RoomLike>) : undefined;
};

serveServer(
  server.port,
  {
    documents: () => rooms()?.size,
    connections: () => {
      const open = rooms();
      return open ? [...open.values()].reduce((total, room) => total + (room.connections?.size ?? 0), 0) : undefined;
    },
  },
  async () => {
    await server.close();
    await disconnectPrisma();
  },
  {
    /** The server's accepted → stored histogram since the last reset (see ServerLagHistogram); reset: start counting afresh. */
    persistenceLag: async ({ reset }: { reset?: boolean }): Promise<ServerLagHistogram> => {
      const histogram = getMetrics().persistenceLag;
      const { values } = await histogram.get();
      if (reset) histogram.reset();
      const buckets = values
        .filter((value) => value.metricName?.endsWith("_bucket"))
        .map((value) => ({ upToMs: value.labels.le === "+Inf" ? Infinity : Number(value.labels.le) * 1000, cumulative: value.value }));
      return { appends: values.find((value) => value.metricName?.endsWith("_count"))?.value ?? 0, buckets };
    },
    /** Stores everything the room accepted (and its snapshot): true when done, false when the room is not open or the server offers no flush. */
    flush: async ({ documentId }: { documentId: string }) => {
      const room = rooms()?.get(documentId);
      if (room?.store) await room.store("snapshot");
      else if (room?.flush) await room.flush();
      else return false;
      return true;
    },
  },
);
console.log(`[bench server] sync server listening on 127.0.0.1:${server.port} (pid ${process.pid})`);
