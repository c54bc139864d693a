// Two clocks for measurements that cross processes.
//  - monoNow: CLOCK_MONOTONIC via process.hrtime, in ms. The same clock in
//    every process on the machine, so one process's send time and another's
//    arrival time can be subtracted.
//  - wallNow: the wall clock with sub-millisecond resolution, for comparison
//    with timestamps PostgreSQL takes (commit timestamps, created_at).

export function monoNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
