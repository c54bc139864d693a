// One server per DATA_DIR: two would fight over the embedded PostgreSQL (each
// stopping it on exit). A pid file records the running server; a stale one
// (its process is gone, e.g. after SIGKILL) is taken over.
import { readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

export async function claimDataDir(dataDir: string): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, "server.pid");
  const existing = Number((await fs.readFile(file, "utf8").catch(() => "")).trim());
  if (Number.isInteger(existing) && existing > 0 && existing !== process.pid && isAlive(existing)) {
    throw new Error(`Another newsroom server (pid ${existing}) is using ${dataDir}. Stop it, or set DATA_DIR to another folder.`);
  }
  await fs.writeFile(file, `${process.pid}\n`);
  process.once("exit", () => {
    // Synchronous on exit; only remove our own record.
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
    } catch {
      // Already gone.
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
