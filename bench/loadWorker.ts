// The load generator in its own process: runs LoadClients (lightweight
// simulated editors) on the parent's commands and reports what it sent and
// received, plus its own CPU time so the report can show whether the
// generator, rather than the server, was the limit.
import { serveParent, emitToParent } from "./childProcess";
import { LoadClients, type LoadCounters, type LoadPlan } from "./loadClients";

export type LoadStats = LoadCounters & { cpu: NodeJS.CpuUsage };

let clients: LoadClients | undefined;

const close = async () => {
  await clients?.close();
  clients = undefined;
};

serveParent(
  {
    connect: async (plan: LoadPlan) => {
      await close();
      clients = new LoadClients(plan);
      const started = performance.now();
      await clients.connect();
      return { ms: performance.now() - started };
    },
    start: () => clients?.start(),
    stopSending: () => clients?.stopSending(),
    stats: (): LoadStats => ({ ...(clients?.takeCounters() ?? emptyStats()), cpu: process.cpuUsage() }),
    disconnect: close,
    close,
  },
  close,
);

function emptyStats(): LoadCounters {
  return { clients: 0, open: 0, updatesSent: 0, awarenessSent: 0, messagesReceived: 0, bytesReceived: 0, maxSendLagMs: 0, closes: {} };
}

emitToParent("ready");
