// The benchmark's helper processes besides the servers: two load generators
// (loadWorker.ts, sharing the simulated editors) and two probe processes
// (probeWorker.ts: the measuring full clients; bursts use one to write and
// the other to receive). Restartable when a collapsed server left them in a
// bad state.
import { startChild, type ChildHandle } from "./childProcess";
import type { BenchDatabase } from "./database";
import type { BenchUser } from "./fixtures";
import type { ServerKind } from "./protocol";
import type { ServerUnderTest } from "./servers";

export type Workers = {
  generators: ChildHandle[];
  probes: ChildHandle[];
  /** Stops and starts every worker afresh. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  pids(): { generators: number[]; probes: number[] };
};

export async function startWorkers(): Promise<Workers> {
  const spawn = async (name: string, module: string) => {
    const child = startChild(name, module);
    await child.nextEvent("ready", 60_000);
    return child;
  };
  const workers: Workers = {
    generators: [],
    probes: [],
    async restart() {
      await workers.stop();
      workers.generators = await Promise.all([spawn("load generator 1", "loadWorker.ts"), spawn("load generator 2", "loadWorker.ts")]);
      workers.probes = await Promise.all([spawn("probe 1", "probeWorker.ts"), spawn("probe 2", "probeWorker.ts")]);
    },
    async stop() {
      await Promise.all([...workers.generators, ...workers.probes].map((child) => child.stop(10_000).catch(() => child.kill())));
      workers.generators = [];
      workers.probes = [];
    },
    pids: () => ({
      generators: workers.generators.map((child) => child.child.pid ?? -1),
      probes: workers.probes.map((child) => child.child.pid ?? -1),
    }),
  };
  await workers.restart();
  return workers;
}

export type BenchContext = {
  database: BenchDatabase | undefined;
  servers: Map<ServerKind, ServerUnderTest>;
  workers: Workers;
  users: BenchUser[];
  log: (line: string) => void;
};
