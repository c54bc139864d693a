// Small statistics helpers: nearest-rank percentiles and CPU-time deltas.

export type Percentiles = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentiles of the samples (ms); NaN everywhere when there are none. */
export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const finite = sorted.filter((value) => Number.isFinite(value));
  const mean = finite.length ? finite.reduce((total, value) => total + value, 0) / finite.length : NaN;
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1)!, mean };
}

export function median(values: number[]): number {
  return percentiles(values).p50;
}

/** CPU used between two process.cpuUsage() readings, as a percentage of one core over `wallMs`. */
export function cpuPercent(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage, wallMs: number): number {
  const micros = after.user - before.user + (after.system - before.system);
  return wallMs > 0 ? (micros / 1000 / wallMs) * 100 : NaN;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
