// The project's folder (package.json, .next/, prisma/migrations/), found from
// where this code runs rather than from the working directory: the same
// answer from the sources (server/…, run by tsx or vitest) and from the
// bundle (dist/server/main.js), wherever the process was started.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let found: string | undefined;

export function projectDir(): string {
  found ??= findProjectDir(path.dirname(fileURLToPath(import.meta.url)));
  return found;
}

/** The nearest folder at or above `start` that holds a package.json (neither server/ nor dist/ has one). */
export function findProjectDir(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}: cannot find the project folder`);
  }
}
