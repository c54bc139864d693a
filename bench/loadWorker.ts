// A load generator process: runs LoadClients (simulated editors on raw
// sockets) on the parent's commands and reports what they sent and received.
// run.ts starts two of these and splits the editors between them, so the
// generator has both cores when the server leaves them free.
import { emitToParent, serveParent } from "./childProcess";
import { LoadClients, type LoadCounters, type LoadPlan } from "./loadClients";

export type LoadStats = LoadCounters & { cpu: NodeJS.CpuUsage };

/** Groups of editors connected so far ("add" keeps the earlier ones: the memory benchmark connects in two steps). */
let groups: LoadClients[] = [];

const close = async () => {
  await Promise.all(groups.map((group) => group.close()));
  groups = [];
};

const add = async (plan: LoadPlan) => {
  const group = new LoadClients(plan);
  groups.push(group);
  const started = performance.now();
  await group.connect();
  return { ms: performance.now() - started };
};

serveParent(
  {
    connect: async (plan: LoadPlan) => {
      await close();
      return add(plan);
    },
    add,
    /** Starts typing (and idle editors' caret renewal) in the groups not started yet. */
    start: () => {
      for (const group of groups) group.start();
    },
    stopSending: () => {
      for (const group of groups) group.stopSending();
    },
    stats: (): LoadStats => ({ ...sumCounters(groups.map((group) => group.takeCounters())), cpu: process.cpuUsage() }),
    sentClocks: () => groups.flatMap((group) => group.sentClocks()),
    disconnect: close,
    close,
  },
  close,
);

function sumCounters(all: LoadCounters[]): LoadCounters {
  const total: LoadCounters = { clients: 0, open: 0, updatesSent: 0, awarenessSent: 0, framesReceived: 0, bytesReceived: 0, maxSendLagMs: 0, maxBacklogBytes: 0, closes: {} };
  for (const counters of all) {
    total.clients += counters.clients;
    total.open += counters.open;
    total.updatesSent += counters.updatesSent;
    total.awarenessSent += counters.awarenessSent;
    total.framesReceived += counters.framesReceived;
    total.bytesReceived += counters.bytesReceived;
    total.maxSendLagMs = Math.max(total.maxSendLagMs, counters.maxSendLagMs);
    total.maxBacklogBytes = Math.max(total.maxBacklogBytes, counters.maxBacklogBytes);
    for (const [code, count] of Object.entries(counters.closes)) total.closes[code] = (total.closes[code] ?? 0) + count;
  }
  return total;
}

emitToParent("ready");
