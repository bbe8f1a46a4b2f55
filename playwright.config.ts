import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium, never a downloaded browser (`npx playwright install` cannot work on
// these machines, see shared/STACK-NOTES.md). The suite runs against the production build
// served by `next start`, on a fresh SQLite database of its own.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const outputDir = path.join(__dirname, "test-results");
const e2eData = path.join(__dirname, "tests", ".output", `e2e-${PORT}`);
// The server mails through SMTP on this loopback port; tests/e2e/mail.spec.ts listens there.
// Default: the e2e port + 1000 (3100 -> 4100), so parallel runs on other ports do not share it.
process.env.E2E_SMTP_PORT ??= String(PORT + 1000);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: path.join(__dirname, "tests", ".output", "reports", "playwright.json") }]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${path.join(e2eData, "e2e.db")}`,
      DATA_DIR: e2eData,
      NEXTAUTH_URL: baseURL,
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The bare page (app/bench/bare), the baseline of tests/e2e/page-weight.spec.ts.
      BENCH_ROUTES: "1",
      // One JSON line per request would bury the test output.
      LOG_LEVEL: "warn",
    },
  },
});
