// `npm start` serves a production build; it builds first when there is none,
// or when the app's sources changed since the last build.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "server", "prisma", "public"];
const SOURCE_FILES = ["next.config.js", "package-lock.json"];

export async function ensureProductionBuild(projectDir: string, log: (line: string) => void): Promise<void> {
  const buildId = path.join(projectDir, ".next", "BUILD_ID");
  const builtAt = await fs.stat(buildId).then((stat) => stat.mtimeMs, () => 0);
  if (builtAt > 0 && (await newestSourceChange(projectDir)) <= builtAt) return;
  log(builtAt > 0 ? "Sources changed since the last build: rebuilding (about 30 s)…" : "No production build yet: building (about 30 s)…");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectDir, "node_modules/next/dist/bin/next"), "build"], {
      cwd: projectDir,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
}

async function newestSourceChange(projectDir: string): Promise<number> {
  let newest = 0;
  const visit = async (entry: string): Promise<void> => {
    const stat = await fs.stat(entry).catch(() => undefined);
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      for (const child of await fs.readdir(entry)) await visit(path.join(entry, child));
    }
  };
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) await visit(path.join(projectDir, name));
  return newest;
}
