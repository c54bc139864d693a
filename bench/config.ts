// What `npm run bench` runs. BENCH_QUICK=1 runs a small subset (a minute or
// so) and leaves docs/benchmarks.md alone; BENCH_EDITORS=10,50 overrides the
// scaling points.
export type BenchConfig = {
  quick: boolean;
  baseline: { samples: number; editsPerSecond: number };
  scaling: {
    editors: number[];
    samples: number;
    editsPerSecond: number;
    warmupSeconds: number;
    updatesPerSecond: number;
    awarenessPerSecond: number;
  };
  trace: { file: string; limit?: number; editsPerTransaction: number; roomColdLoads: number };
};

export const TRACES_DIR = "/work/shared/traces";

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true";
  const editorsOverride = env.BENCH_EDITORS?.split(",").map((value) => Number(value.trim())).filter((value) => Number.isInteger(value) && value > 0);
  return {
    quick,
    baseline: { samples: quick ? 100 : 500, editsPerSecond: 20 },
    scaling: {
      editors: editorsOverride?.length ? editorsOverride : quick ? [10, 50] : [10, 50, 100, 200],
      samples: quick ? 100 : 300,
      editsPerSecond: 20,
      warmupSeconds: quick ? 1 : 3,
      updatesPerSecond: 2,
      awarenessPerSecond: 1,
    },
    trace: {
      file: `${env.BENCH_TRACES_DIR ?? TRACES_DIR}/automerge-paper.json.gz`,
      limit: quick ? 20_000 : undefined,
      editsPerTransaction: 100,
      roomColdLoads: quick ? 1 : 3,
    },
  };
}
