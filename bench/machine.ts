// Where and when the benchmark ran: CPU, cores, memory, Node, date, commit.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_DIR } from "./childProcess";

export type MachineInfo = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  date: string;
  commit: string;
  /** 1-minute load average when the run started (other work on the machine skews results). */
  loadAverage: number;
};

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: tryRun("date", ["-u", "+%Y-%m-%d %H:%M UTC"]) ?? new Date().toISOString(),
    commit: currentCommit(),
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

function currentCommit(): string {
  const commit = tryRun("git", ["-C", REPO_DIR, "rev-parse", "--short", "HEAD"]);
  if (!commit) return "unknown (not a git checkout)";
  const dirty = tryRun("git", ["-C", REPO_DIR, "status", "--porcelain", "--untracked-files=no"]);
  return dirty ? `${commit} + uncommitted changes` : commit;
}

function tryRun(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** Installed versions of the peers and of the client libraries, from their package.json. */
export function peerVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of ["@hocuspocus/server", "@hocuspocus/provider", "y-websocket-server-legacy", "y-websocket", "yjs", "y-protocols", "ws"]) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(REPO_DIR, "node_modules", name, "package.json"), "utf8")) as { version?: string };
      versions[name] = manifest.version ?? "?";
    } catch {
      versions[name] = "not installed";
    }
  }
  return versions;
}
