// What `npm run bench` runs, and the environment variables that narrow it
// (bench/README.md lists them). A full run — every server, every workload,
// not BENCH_QUICK — rewrites docs/benchmarks.md; anything narrower only
// prints its summary.
import path from "node:path";
import { REPO_DIR } from "./childProcess";
import { SERVER_KINDS, type ServerKind } from "./protocol";

export const WORKLOADS = ["latency", "fanout", "soak", "bursts", "coldload", "memory", "history", "import"] as const;
export type Workload = (typeof WORKLOADS)[number];

export type BenchConfig = {
  quick: boolean;
  /** Every server and workload, not quick: the run that may rewrite docs/benchmarks.md. */
  full: boolean;
  servers: ServerKind[];
  workloads: Workload[];
  idleLatency: { seconds: number; editsPerSecond: number };
  fanout: {
    points: number[];
    seconds: number;
    warmupSeconds: number;
    keystrokesPerSecond: number;
    fullClients: number;
  };
  soak: { seconds: number; windowSeconds: number; editors?: number };
  bursts: { traces: string[]; tracesDir: string; minTimeoutMs: number; floorRuns: number };
  coldLoad: { trace: string; runs: number };
  memory: { documents: number; connectionsPerDocument: number };
};

/** The editing traces: $BENCH_TRACES_DIR, by default ../shared/traces next to the repository. */
export const DEFAULT_TRACES_DIR = "../shared/traces";

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true";
  const servers = listOf(env.BENCH_SERVERS, SERVER_KINDS, "BENCH_SERVERS");
  const workloads = listOf(env.BENCH_WORKLOADS, WORKLOADS, "BENCH_WORKLOADS");
  const points = numbers(env.BENCH_FANOUT_N ?? env.BENCH_EDITORS);
  const tracesDir = path.resolve(REPO_DIR, env.BENCH_TRACES_DIR ?? DEFAULT_TRACES_DIR);
  return {
    quick,
    full: !quick && servers.length === SERVER_KINDS.length && workloads.length === WORKLOADS.length && !points && !env.BENCH_FANOUT_SECONDS && !env.BENCH_SOAK_SECONDS && !env.BENCH_OURS_NODE_FLAGS,
    servers,
    workloads,
    idleLatency: { seconds: quick ? 3 : 10, editsPerSecond: 20 },
    fanout: {
      points: points ?? (quick ? [50, 100] : [50, 100, 200, 300, 500, 750, 1000]),
      seconds: Number(env.BENCH_FANOUT_SECONDS) || (quick ? 5 : 20),
      warmupSeconds: quick ? 1 : 2,
      keystrokesPerSecond: 5,
      fullClients: 4,
    },
    soak: {
      seconds: Number(env.BENCH_SOAK_SECONDS) || (quick ? 30 : 300),
      windowSeconds: quick ? 10 : 30,
      editors: Number(env.BENCH_SOAK_N) || undefined,
    },
    bursts: {
      traces: quick ? ["friendsforever_flat"] : ["friendsforever_flat", "automerge-paper"],
      tracesDir,
      minTimeoutMs: quick ? 30_000 : 60_000,
      floorRuns: 3,
    },
    coldLoad: { trace: "automerge-paper", runs: quick ? 2 : 5 },
    memory: { documents: quick ? 100 : 500, connectionsPerDocument: 2 },
  };
}

function listOf<T extends string>(value: string | undefined, all: readonly T[], name: string): T[] {
  if (!value) return [...all];
  const picked = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  const unknown = picked.filter((entry) => !all.includes(entry as T));
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(", ")} (choose from ${all.join(", ")})`);
  return all.filter((entry) => picked.includes(entry));
}

function numbers(value: string | undefined): number[] | undefined {
  const list = value?.split(",").map((entry) => Number(entry.trim())).filter((entry) => Number.isInteger(entry) && entry > 0);
  return list?.length ? list : undefined;
}
