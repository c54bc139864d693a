// End-to-end tests: real Chromium against the real server (production build,
// embedded PostgreSQL in a fresh temporary data folder).
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_SMTP_PORT } from "./e2e/smtpPort";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = path.join(os.tmpdir(), `newsroom-e2e-${PORT}`);

// Debian's Chromium by default (Playwright's own browser downloads are not
// reachable on every machine). CHROMIUM_PATH overrides; set it to an empty
// string to use Playwright's bundled browser.
function chromiumPath(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined) return configured === "" ? undefined : configured;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error(
    "No Chromium found for the e2e tests. Install Debian's chromium (apt-get install -y chromium), " +
      "or set CHROMIUM_PATH to a Chromium binary, or CHROMIUM_PATH='' to use Playwright's own browser.",
  );
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 } }, dependencies: ["setup"] },
  ],
  webServer: {
    // What production runs: `npm start` builds what is stale, then execs node dist/server/main.js.
    command: `rm -rf "${DATA_DIR}" && exec npm start`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SEED_DEMO: "1",
      DATABASE_URL: "",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // Short waits, so a spec sees the batched email in seconds (production: 30 s and 5 min).
      EMAIL_DELAY_SECONDS: "1.5",
      EMAIL_BATCH_SECONDS: "0",
      EMAIL_RETRY_MAX_SECONDS: "1",
      NEWSROOM_NAME: "The Bosphorus Ledger",
    },
  },
});
