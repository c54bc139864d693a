// Machine-wide CPU time from /proc/stat (Linux), so a report can say how much
// of the machine other processes used while a benchmark ran: on a shared
// 2-core machine that, more than anything in the server, decides the tail
// latencies.
import fs from "node:fs";

export type MachineCpu = { busyMs: number; totalMs: number } | undefined;

/** Busy and total CPU time of all cores so far (undefined where /proc/stat is missing). */
export function machineCpu(): MachineCpu {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const ticksToMs = 10; // USER_HZ is 100 on Linux
    const busy = user + nice + system + irq + softirq + steal;
    return { busyMs: busy * ticksToMs, totalMs: (busy + idle + iowait) * ticksToMs };
  } catch {
    return undefined;
  }
}

/**
 * CPU used by processes other than ours between two readings, in percent of
 * one core (like the per-process figures), given our processes' CPU in ms.
 */
export function otherProcessesPercent(before: MachineCpu, after: MachineCpu, oursMs: number, wallMs: number): number {
  if (!before || !after || wallMs <= 0) return NaN;
  const busy = after.busyMs - before.busyMs;
  return Math.max(0, ((busy - oursMs) / wallMs) * 100);
}

export function cpuMs(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage): number {
  return (after.user - before.user + (after.system - before.system)) / 1000;
}

export type ProcessUsage = { cpuMs: number; rssBytes: number; maxRssBytes: number };

/**
 * CPU time and memory of another process, read from /proc: unlike asking the
 * process over IPC, this works while its event loop is stuck (an overloaded
 * server). Undefined where /proc is not available or the process is gone.
 */
export function processUsage(pid: number): ProcessUsage | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
    return { cpuMs, rssBytes: kib("VmRSS"), maxRssBytes: kib("VmHWM") };
  } catch {
    return undefined;
  }
}

/**
 * CPU time of a process and of its children, living and exited (for
 * PostgreSQL: the postmaster and its backends), in ms; undefined without /proc.
 */
export function processTreeCpuMs(rootPid: number): number | undefined {
  const ticks = (pid: number): { ppid: number; own: number; reaped: number } | undefined => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the name: state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from field 3.
      return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
    } catch {
      return undefined;
    }
  };
  const root = ticks(rootPid);
  if (!root) return undefined;
  let total = root.own + root.reaped;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = ticks(Number(entry));
    if (child?.ppid === rootPid) total += child.own + child.reaped;
  }
  return total * 10;
}

/**
 * Waits (at most maxWaitMs) until processes other than ours use less than
 * thresholdPercent of a core over one-second samples, so a measurement window
 * does not start in the middle of someone else's build. `oursMs` returns the
 * CPU time used so far by the benchmark's own processes. Returns the last
 * sample's figure (NaN without /proc).
 */
export async function waitForQuietMachine(oursMs: () => number, options: { maxWaitMs: number; thresholdPercent: number }): Promise<number> {
  const deadline = performance.now() + options.maxWaitMs;
  for (;;) {
    const machineBefore = machineCpu();
    const oursBefore = oursMs();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const others = otherProcessesPercent(machineBefore, machineCpu(), oursMs() - oursBefore, performance.now() - started);
    if (!(others >= options.thresholdPercent) || performance.now() >= deadline) return others;
  }
}

export type CpuReading = {
  wallMs: number;
  /** Percent of one core per named group of processes. */
  percent: Record<string, number>;
  postgresPercent: number;
  /** Everything else on the machine. */
  otherPercent: number;
};

/**
 * Starts measuring the CPU of named groups of processes (from /proc), of
 * PostgreSQL, and of everything else on the machine; stop() returns the
 * figures for the interval. Pids are read at start, so a group must not be
 * restarted in between.
 */
export function startCpuMeter(groups: Record<string, number[]>, postgresCpuMs?: () => number | undefined): { stop(): CpuReading } {
  const read = () => Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids.map((pid) => processUsage(pid)?.cpuMs ?? NaN)]));
  const before = read();
  const postgresBefore = postgresCpuMs?.();
  const machineBefore = machineCpu();
  const started = performance.now();
  return {
    stop() {
      const wallMs = performance.now() - started;
      const after = read();
      const postgresAfter = postgresCpuMs?.();
      const machineAfter = machineCpu();
      const percent: Record<string, number> = {};
      let oursMs = 0;
      for (const name of Object.keys(groups)) {
        const used = after[name]!.reduce((total, value, index) => total + (value - before[name]![index]!), 0);
        percent[name] = (used / wallMs) * 100;
        if (Number.isFinite(used)) oursMs += used;
      }
      const postgresMs = postgresBefore !== undefined && postgresAfter !== undefined ? postgresAfter - postgresBefore : NaN;
      if (Number.isFinite(postgresMs)) oursMs += postgresMs;
      return { wallMs, percent, postgresPercent: (postgresMs / wallMs) * 100, otherPercent: otherProcessesPercent(machineBefore, machineAfter, oursMs, wallMs) };
    },
  };
}
