// npm run build: the Next.js app (`next build` → .next/) and the custom server
// (esbuild → dist/server/main.js, plus the import parser's worker thread
// dist/server/importWorker.js), so production runs on plain node, without a
// TypeScript loader between the service manager's signals and the server.
//
// `--if-stale` (npm start's prestart) builds each part only when its sources
// changed since its last build: a few hundred milliseconds when nothing did.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const serverOutDir = path.join(projectDir, "dist", "server");
/** Written last by a successful server build: its start time and the files it read. */
const serverStamp = path.join(serverOutDir, "build-meta.json");
const nextBuildId = path.join(projectDir, ".next", "BUILD_ID");

// What Next.js compiles (route handlers import server/ and lib/), and what else the server bundle depends on.
const NEXT_SOURCES = ["app", "components", "lib", "server", "prisma", "public", "next.config.js", "package-lock.json"];
const SERVER_EXTRA_SOURCES = ["package-lock.json", path.relative(projectDir, fileURLToPath(import.meta.url))];

const log = (line) => console.log(`[build] ${line}`);

async function main(args) {
  const ifStale = args.includes("--if-stale");
  if (!ifStale) {
    await buildNext();
    await buildServer();
    return;
  }
  const nextBuiltAt = await mtime(nextBuildId);
  if (nextBuiltAt === 0) {
    log("No production build of the app yet: building (about 30 s)…");
    await buildNext();
  } else if ((await newestChange(NEXT_SOURCES.map((name) => path.join(projectDir, name)))) > nextBuiltAt) {
    log("The app's sources changed since the last build: rebuilding (about 30 s)…");
    await buildNext();
  }
  const stale = await serverBuildStale();
  if (stale) {
    log(`${stale}: building the server…`);
    await buildServer();
  }
}

async function buildNext() {
  const startedAt = new Date();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectDir, "node_modules/next/dist/bin/next"), "build"], {
      cwd: projectDir,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`))));
  });
  // Dated from the start, so that a file saved while it built counts as changed afterwards.
  await fs.utimes(nextBuildId, startedAt, startedAt);
}

async function buildServer() {
  const startedAt = Date.now();
  // Gone until the build succeeds: an interrupted build counts as stale.
  await fs.rm(serverStamp, { force: true });
  const result = await esbuild.build({
    absWorkingDir: projectDir,
    entryPoints: { main: "server/main.ts", importWorker: "server/importExport/importWorkerMain.ts", versionDigestWorker: "server/history/versionDigestWorkerMain.ts" },
    outdir: serverOutDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies load from node_modules as they do under tsx (and Next's bundle keeps its own copies).
    packages: "external",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs);
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(serverOutDir, path.resolve(projectDir, file)));
  await fs.writeFile(serverStamp, `${JSON.stringify({ startedAt, inputs, outputs }, null, 2)}\n`);
  log(`Server built into ${path.relative(projectDir, serverOutDir)}/ (${inputs.length} source files).`);
}

/** Why the server bundle must be rebuilt, or undefined when it is up to date. */
async function serverBuildStale() {
  const stamp = await fs.readFile(serverStamp, "utf8").then(JSON.parse, () => undefined);
  if (!stamp) return "No server build yet";
  for (const output of stamp.outputs) {
    if ((await mtime(path.join(serverOutDir, output))) === 0) return `${output} is missing`;
  }
  for (const input of [...stamp.inputs, ...SERVER_EXTRA_SOURCES]) {
    const changedAt = await mtime(path.join(projectDir, input));
    // A source that is gone was deleted or renamed, and its importer changed with it.
    if (changedAt === 0 || changedAt > stamp.startedAt) return `${input} changed since the last server build`;
  }
  return undefined;
}

/** The newest modification time of these files and everything below these folders (folders count: a deleted file changes its folder). */
async function newestChange(entries) {
  let newest = 0;
  const visit = async (entry) => {
    const stat = await fs.stat(entry).catch(() => undefined);
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      for (const child of await fs.readdir(entry)) await visit(path.join(entry, child));
    }
  };
  for (const entry of entries) await visit(entry);
  return newest;
}

async function mtime(file) {
  return fs.stat(file).then((stat) => stat.mtimeMs, () => 0);
}

await main(process.argv.slice(2)).catch((error) => {
  console.error(`[build] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
