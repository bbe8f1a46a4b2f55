// `npm run lighthouse`: Lighthouse 12.2.3 (mobile: its default emulation and simulated
// throttling) on Debian's Chromium against the production app, started the way `npm start`
// does on a spare port and a fresh data directory. A person is registered, given a realistic
// checklist and signed in; their session cookie goes with the signed-in pages. Three runs per
// page, the median of each figure printed; exits 1 when a page misses its budget
// (performance ≥ 95, accessibility 100). The in-app bare page is measured for reference only.
// Options: --runs N (default 3), --only /path (repeatable), --json FILE (raw medians and runs).
// Not part of `npm test`: the figures depend on the machine's load (docs/decisions/017).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    only: { type: "string", multiple: true },
    json: { type: "string" },
  },
});
const RUNS = Number(args.runs);
const BUDGET = { performance: 95, accessibility: 100 };
const PAGES = [
  { path: "/", isSignedIn: false, hasBudget: true },
  { path: "/dashboard", isSignedIn: true, hasBudget: true },
  { path: "/ladder", isSignedIn: true, hasBudget: true },
  { path: "/bench/bare", isSignedIn: false, hasBudget: false },
].filter((page) => !args.only || args.only.includes(page.path));
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const log = (message) => process.stderr.write(`[lighthouse] ${message}\n`);

function sparePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApp(port, dataDir) {
  const env = { ...process.env };
  // The caller's own deployment settings must not reach the server under test.
  for (const name of ["NEXTAUTH_URL", "AUTH_SECRET", "TRUST_PROXY", "SMTP_URL", "REDIS_URL"]) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dataDir, "lighthouse.db")}`,
    DATA_DIR: dataDir,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: crypto.randomBytes(48).toString("base64url"),
    BENCH_ROUTES: "1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const logFile = path.join(dataDir, "server.log");
  const out = fs.openSync(logFile, "a");
  // scripts/start.mjs: migrate, build when the build is missing or stale, serve.
  const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, env, stdio: ["ignore", out, out] });
  let exited = null;
  server.on("exit", (code, signal) => {
    exited = code ?? signal;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the app exited (${exited}) during start; see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { server, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGTERM");
  throw new Error(`the app did not answer /api/health within 10 minutes; see ${logFile}`);
}

function stopApp(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", resolve);
    server.kill("SIGTERM");
  });
}

/** Cookies a response sets, as one Cookie header value (name=value pairs). */
function cookiesOf(response) {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

async function call(base, pathName, { cookie, json, form, method = json || form ? "POST" : "GET" } = {}) {
  const headers = { accept: "application/json", ...(cookie ? { cookie } : {}) };
  let body;
  if (json) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(`${base}${pathName}`, { method, headers, body, redirect: "manual" });
  if (!response.ok) throw new Error(`${method} ${pathName} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A person part way up the ladder (MLE, working toward Senior, a certification to renew soon,
 * one of their own), so the signed-in pages are measured with real content.
 */
async function seedPerson(base) {
  const email = `lighthouse-${crypto.randomUUID()}@example.com`;
  const password = `Lighthouse ${crypto.randomBytes(6).toString("hex")} granite`;
  await call(base, "/api/auth/register", { json: { email, password, name: "Ada Lovelace" } });
  const csrf = await call(base, "/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  const signedIn = await call(base, "/api/auth/callback/credentials", {
    cookie: cookiesOf(csrf),
    form: { email, password, csrfToken, json: "true", callbackUrl: "/dashboard" },
  });
  const cookie = cookiesOf(signedIn);
  if (!cookie.includes("session-token")) throw new Error("signing in set no session cookie");
  const updates = [
    ["bachelors-computer-science", { status: "done", completedOn: "2019-06-28" }],
    ["gain-practical-experience", { status: "done", completedOn: "2021-09-01", note: "Feature pipelines and model serving." }],
    ["aws-certified-machine-learning", { status: "done", completedOn: isoDay(-1000), expiresOn: isoDay(40) }],
    ["programming-languages", { status: "done" }],
    ["machine-learning-algorithms", { status: "done" }],
    ["data-modeling-and-evaluation", { status: "done" }],
    ["software-engineering-skills", { status: "done" }],
    ["build-a-network", { status: "in_progress" }],
    ["masters-machine-learning", { status: "in_progress" }],
    ["seek-mentoring", { status: "skipped" }],
  ];
  for (const [itemId, update] of updates) await call(base, `/api/progress/${itemId}`, { cookie, method: "PUT", json: update });
  await call(base, "/api/certifications", { cookie, json: { title: "Databricks Certified Machine Learning Professional", issuer: "Databricks" } });
  return cookie;
}

async function audit(url, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const finalUrl = new URL(lhr.finalDisplayedUrl);
    // A signed-in page that redirected to the sign-in form would be measuring the wrong page.
    if (finalUrl.pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}`);
    const failedA11y = Object.values(lhr.audits)
      .filter((a) => lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0) && a.score !== null && a.score < 1)
      .map((a) => a.id);
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      tbtMs: lhr.audits["total-blocking-time"].numericValue,
      lcpMs: lhr.audits["largest-contentful-paint"].numericValue,
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      failedA11y,
    };
  } finally {
    await chrome.kill();
  }
}

/** On a busy machine Chromium's trace sometimes misses the navigation (NO_NAVSTART): that run is repeated, twice at most. */
async function auditWithRetry(url, cookie) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, cookie);
    } catch (error) {
      if (attempt === 3 || !String(error?.message).includes("NO_")) throw error;
      log(`${url}: ${error.message.split("\n")[0]}; running again`);
    }
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-lighthouse-"));
  const port = await sparePort();
  log(`starting the production app on port ${port} (data in ${dataDir}); a stale build is rebuilt first`);
  const { server, base } = await startApp(port, dataDir);
  const results = [];
  try {
    const cookie = await seedPerson(base);
    for (const page of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        log(`${page.path}: run ${i + 1} of ${RUNS}`);
        runs.push(await auditWithRetry(`${base}${page.path}`, page.isSignedIn ? cookie : undefined));
      }
      const pick = (key) => median(runs.map((run) => run[key]));
      results.push({
        ...page,
        performance: pick("performance"),
        accessibility: pick("accessibility"),
        tbtMs: pick("tbtMs"),
        lcpMs: pick("lcpMs"),
        cls: pick("cls"),
        failedA11y: [...new Set(runs.flatMap((run) => run.failedA11y))],
        runs,
      });
    }
  } finally {
    await stopApp(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const rows = results.map((r) => {
    const isMissed = r.hasBudget && (r.performance < BUDGET.performance || r.accessibility < BUDGET.accessibility);
    return [
      r.path,
      String(r.performance),
      String(r.accessibility),
      `${Math.round(r.tbtMs)} ms`,
      `${(r.lcpMs / 1000).toFixed(2)} s`,
      r.cls.toFixed(3),
      r.hasBudget ? (isMissed ? "MISSED" : "ok") : "reference",
    ];
  });
  const header = ["page", "performance", "accessibility", "TBT", "LCP", "CLS", `budget (≥ ${BUDGET.performance}, ${BUDGET.accessibility})`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  console.log(`Lighthouse ${lighthouseVersion()} mobile, median of ${RUNS} run${RUNS === 1 ? "" : "s"} per page`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.failedA11y.length > 0) console.log(`${r.path}: accessibility audits failed: ${r.failedA11y.join(", ")}`);
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ budget: BUDGET, runs: RUNS, results }, null, 2));
  const isMissed = results.some((r) => r.hasBudget && (r.performance < BUDGET.performance || r.accessibility < BUDGET.accessibility));
  process.exitCode = isMissed ? 1 : 0;
}

function lighthouseVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}

main().catch((error) => {
  console.error(`[lighthouse] ${error?.stack ?? error}`);
  process.exitCode = 1;
});
