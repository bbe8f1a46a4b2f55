// `npm run bench`: builds the production app (into .next-bench) and a separate bare Next.js
// app (bench/bare-app: no proxy, no auth, no database), starts Ladder as `npm start` runs it
// on a fresh SQLite database (and on a fresh PostgreSQL database when DATABASE_URL names a
// PostgreSQL server) beside the bare app, seeds 10,000 people through the data layer,
// load-tests the main routes with autocannon using signed-in cookies of many people, runs six
// concurrent imports of a maximum-size export, and prints one table. Every throughput figure
// is a ratio to the bare app measured in the same run, because the machines are shared and
// noisy. Writes the table into docs/benchmarks.md and the raw results to tests/.output/bench/.
// Options: --users N, --sessions N, --duration S, --only sqlite|postgresql, --rebuild,
// --port P (Ladder on P and P+1, the bare app on P+2), --no-docs (leave docs/benchmarks.md
// alone). Budgets and the table: scripts/bench-report.mjs. See docs/benchmarks.md.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { BUDGET, budgetSummary, durabilityProblem, markdownTable, median, ROUTES } from "./bench-report.mjs";
import { ladderRequests } from "./bench-requests.mjs";
import { applyMigrations } from "./migrate.mjs";
import { BARE_APP_DIR, bareAppEnv, bareAppServerArgs, buildBareApp } from "./bare-app.mjs";
import { SERVER_NODE_FLAGS } from "./node-flags.mjs";
import { sourceFingerprint } from "./start.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    sessions: { type: "string", default: "1000" },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "3" },
    only: { type: "string" },
    rebuild: { type: "boolean", default: false },
    port: { type: "string", default: "3300" },
    "no-docs": { type: "boolean", default: false },
  },
});
const USERS = Number(args.users);
const SESSIONS = Number(args.sessions);
const DURATION = Number(args.duration);
const ROUNDS = Math.max(1, Number(args.rounds));
const WARMUP = Number(args.warmup);
const DIST_DIR = ".next-bench";
const BASE_PORT = Number(args.port);
const PORTS = { sqlite: BASE_PORT, postgresql: BASE_PORT + 1, bareApp: BASE_PORT + 2 };
const SAMPLE_MS = 200;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------------------------------
// Build

function build() {
  const distDir = path.join(root, DIST_DIR);
  const stampFile = path.join(distDir, "ladder-source-fingerprint");
  const fingerprint = sourceFingerprint();
  const isBuilt = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint;
  if (isBuilt && !args.rebuild) {
    log(`production build in ${DIST_DIR} is up to date`);
    return;
  }
  // `next build` with a custom distDir adds it to tsconfig.json's include list; that change
  // is local to this machine, so the file (and its modification time, which the build
  // fingerprint covers) is put back afterwards.
  const tsconfig = path.join(root, "tsconfig.json");
  const saved = fs.readFileSync(tsconfig);
  const { atime, mtime } = fs.statSync(tsconfig);
  log(`building the production app into ${DIST_DIR} …`);
  try {
    const result = spawnSync(bin("next"), ["build"], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      // Build output goes to stderr: stdout carries only the table.
      stdio: ["ignore", 2, 2],
    });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  } finally {
    fs.writeFileSync(tsconfig, saved);
    fs.utimesSync(tsconfig, atime, mtime);
  }
  // Taken again after the put-back: utimes keeps whole milliseconds only, and scripts/start.mjs
  // (which starts the server) would otherwise find the build stale and build again.
  fs.writeFileSync(stampFile, sourceFingerprint());
}

/** Builds the bare app (bench/bare-app, into its own .next) when missing or older than its sources. */
function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

// ---------------------------------------------------------------------------------------
// Databases

function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onPostgresServer(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one run, and how to remove it afterwards. */
async function freshDatabase(provider, workDir) {
  if (provider === "sqlite") {
    return { url: `file:${path.join(workDir, "bench.db")}`, drop: async () => {} };
  }
  const serverUrl = process.env.DATABASE_URL;
  const name = `ladder_bench_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  await onPostgresServer(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => onPostgresServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * Leaves the seeded PostgreSQL database as a running server leaves a table some time after a
 * bulk load: vacuumed (hint bits set, visibility map filled) and analyzed, with the load's
 * dirty pages written. Autovacuum, on by default, does the first two within about a minute;
 * servers set up for tests often run without it (this machine's does), and then every first
 * read of a seeded row writes its page back, index-only scans visit the heap, the planner has
 * no statistics, and the load's checkpoint falls inside the measurements.
 */
async function settlePostgres(databaseUrl) {
  const started = Date.now();
  await onPostgresServer(databaseUrl, "VACUUM (ANALYZE)");
  try {
    await onPostgresServer(databaseUrl, "CHECKPOINT");
  } catch (error) {
    log(`postgresql: CHECKPOINT refused (${error.message}); the load's dirty pages may be written during the measurements`);
  }
  log(`postgresql: vacuumed and analyzed the seeded database in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------
// Server and memory

function serverEnv(databaseUrl, workDir, secret) {
  const env = { ...process.env };
  // Settings of the caller's own deployment must not leak into the server under test: an
  // https NEXTAUTH_URL would rename the session cookie, for one.
  for (const name of ["NEXTAUTH_URL", "AUTH_SECRET", "TRUST_PROXY", "PORT"]) delete env[name];
  return {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    BENCH_ROUTES: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: workDir,
    NEXTAUTH_SECRET: secret,
  };
}

/**
 * Ladder as `npm start` runs it: scripts/start.mjs (migrations, build check, then the
 * production server scripts/server.mjs) in a Node started with the server's flags.
 */
function startLadder(env, port, logFile) {
  return startServer([...SERVER_NODE_FLAGS, path.join(root, "scripts", "start.mjs")], { ...env, PORT: String(port), HOST: "127.0.0.1" }, port, "/api/health", logFile);
}

/** The bare app with plain `next start`, with the same Node flags as Ladder. */
function startBareApp(port, logFile) {
  return startServer(bareAppServerArgs(port), bareAppEnv(), port, "/api/bare", logFile, BARE_APP_DIR);
}

async function startServer(nodeArgs, env, port, readyPath, logFile, cwd = root) {
  const out = fs.openSync(logFile, "a");
  const server = spawn(process.execPath, nodeArgs, { cwd, env, stdio: ["ignore", out, out] });
  let exited = null;
  server.on("exit", (code, signal) => {
    exited = code ?? signal;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the server exited (${exited}) during start; see ${logFile}`);
    try {
      const response = await fetch(`${base}${readyPath}`);
      if (response.ok) return { server, base };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  server.kill("SIGTERM");
  throw new Error(`the server did not answer ${readyPath} within 90 s; see ${logFile}`);
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The pids of a process and all its descendants, from /proc. */
function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended
      }
    }
  }
  return pids;
}

function rssBytes(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of the server's process tree every 200 ms until stopped. */
function sampleMemory(pid) {
  let peak = 0;
  let phasePeak = 0;
  let samples = 0;
  const take = () => {
    const total = processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0);
    peak = Math.max(peak, total);
    phasePeak = Math.max(phasePeak, total);
    samples += 1;
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    /** The peak since the last call: which route drove memory up (kept in the raw results). */
    phase() {
      take();
      const value = phasePeak;
      phasePeak = 0;
      return value;
    },
    stop() {
      clearInterval(timer);
      take();
      return { peakBytes: peak, samples };
    },
  };
}

// ---------------------------------------------------------------------------------------
// Load

/** The request autocannon sends for each route of ROUTES (scripts/bench-report.mjs). */
function requests(sessions, base) {
  return {
    bareAppRoute: { method: "GET", path: "/api/bare" },
    bareAppPage: { method: "GET", path: "/bare" },
    bareRoute: { method: "GET", path: "/api/bench/bare" },
    barePage: { method: "GET", path: "/bench/bare" },
    ...ladderRequests(sessions, base),
  };
}

async function load(base, request, connections, duration) {
  const result = await autocannon({ url: base, connections, duration, timeout: 10, requests: [request] });
  return {
    connections,
    duration,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count])),
  };
}

/**
 * The rounds of one route at 50 connections as one result: the round of the median
 * requests/s (its latencies with it), every round's requests/s in order (`rounds`, which the
 * report pairs with the baseline's), and the requests and failures of all rounds summed.
 */
function medianRound(results) {
  const rates = results.map((result) => result.requestsPerSecond);
  const middle = results[rates.indexOf(median(rates))];
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  return { ...middle, rounds: rates, total: sum("total"), non2xx: sum("non2xx"), errors: sum("errors"), timeouts: sum("timeouts") };
}

async function check(base, pathName, init, expected = 200) {
  const response = await fetch(`${base}${pathName}`, { ...init, redirect: "manual" });
  if (response.status !== expected) {
    throw new Error(`${init?.method ?? "GET"} ${pathName} with a seeded session answered ${response.status}, expected ${expected}: ${(await response.text()).slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------
// JavaScript per page

/** Gzipped bytes of the scripts a page's HTML makes a modern browser load (nomodule polyfills excluded). */
async function pageJavaScript(base, pathName, cookie) {
  const response = await fetch(`${base}${pathName}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${pathName} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set();
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src) sources.add(src.replaceAll("&amp;", "&"));
  }
  let gzipBytes = 0;
  let rawBytes = 0;
  let hasZxcvbn = false;
  const scripts = [];
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const gzipped = zlib.gzipSync(body).length;
    gzipBytes += gzipped;
    rawBytes += body.length;
    // The password-strength dictionaries (about 460 kB) belong to the sign-up page's lazy chunk only.
    hasZxcvbn ||= body.includes("zxcvbn");
    scripts.push({ src, rawBytes: body.length, gzipBytes: gzipped });
  }
  return { gzipBytes, rawBytes, hasZxcvbn, scripts };
}

// ---------------------------------------------------------------------------------------
// One database

/**
 * Six people import the same maximum-size export at once, each retrying after Retry-After
 * until its import is done: one import runs at a time, the others are refused before their
 * body is read.
 */
async function concurrentImports(base, cookies, file) {
  const started = performance.now();
  const firstStatuses = {};
  let attempts = 0;
  let refusedWithoutRetryAfter = 0;
  const importOnce = async (cookie) => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      attempts += 1;
      const response = await fetch(`${base}/api/import`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", origin: base },
        body: file,
      });
      await response.arrayBuffer();
      if (attempt === 0) firstStatuses[response.status] = (firstStatuses[response.status] ?? 0) + 1;
      if (response.status === 200) return true;
      if (response.status !== 429) return false;
      const retryAfter = Number(response.headers.get("retry-after"));
      if (!(retryAfter > 0)) refusedWithoutRetryAfter += 1;
      await sleep((retryAfter > 0 ? retryAfter : 1) * 1000);
    }
    return false;
  };
  const outcomes = await Promise.all(cookies.map(importOnce));
  const imported = outcomes.filter(Boolean).length;
  return { clients: cookies.length, firstStatuses, attempts, refusedWithoutRetryAfter, imported, failed: cookies.length - imported, ms: performance.now() - started };
}

async function runOn(provider, bareApp) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `ladder-bench-${provider}-`));
  const database = await freshDatabase(provider, workDir);
  const secret = crypto.randomBytes(48).toString("base64url");
  const env = serverEnv(database.url, workDir, secret);
  const logFile = path.join(workDir, "server.log");
  let server = null;
  let memory = null;
  try {
    log(`${provider}: migrating a fresh database`);
    await applyMigrations(database.url);

    log(`${provider}: seeding ${USERS.toLocaleString("en-US")} people through lib/seed …`);
    const seedFile = path.join(workDir, "seed.json");
    const importFile = path.join(workDir, "import.json");
    const seeded = spawnSync(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts", "bench-seed.mts"), seedFile, importFile], {
      cwd: root,
      env: { ...env, BENCH_USERS: String(USERS), BENCH_SESSION_USERS: String(SESSIONS) },
      stdio: ["ignore", 2, 2],
    });
    if (seeded.status !== 0) throw new Error(`seeding failed (exit ${seeded.status ?? seeded.signal})`);
    const { seed, sessions } = JSON.parse(fs.readFileSync(seedFile, "utf8"));
    if (provider === "postgresql") await settlePostgres(database.url);

    log(`${provider}: starting Ladder as npm start does (node ${SERVER_NODE_FLAGS.join(" ")} scripts/start.mjs) on port ${PORTS[provider]}`);
    const started = await startLadder(env, PORTS[provider], logFile);
    server = started.server;
    const { base } = started;
    memory = sampleMemory(server.pid);

    // Figures measured without durable commits would flatter every write: refuse them.
    const durability = await (await fetch(`${base}/api/bench/database`)).json();
    const problem = durabilityProblem(durability);
    if (problem) throw new Error(`${provider}: ${problem}; not reporting`);

    // A seeded cookie must really sign someone in, or every figure below would be a 401.
    await check(base, "/api/ladder", { headers: { cookie: sessions[0].cookie } });
    await check(base, "/dashboard", { headers: { cookie: sessions[1 % sessions.length].cookie } });
    await check(base, "/api/ladder", {}, 401);

    // Every route once before any is measured, so that no figure (the baseline's least of
    // all, which comes first) pays for loading code and warming up the JIT compiler.
    const byId = requests(sessions, base);
    const baseOf = (route) => (route.app === "bare" ? bareApp.base : base);
    if (WARMUP > 0) {
      log(`${provider}: warming up every route (${WARMUP} s each)`);
      for (const route of ROUTES) await load(baseOf(route), byId[route.id], 10, WARMUP);
    }
    // At 50 connections every route in turn, ROUNDS times: each round measures the bare app
    // and Ladder's routes within a minute of each other, so a drift of the machine falls on a
    // route and its baseline alike (bench-report.mjs pairs them round by round). Then each
    // route once at 10 connections, for its p99. Peak RSS per route is Ladder's (the bare app
    // is a separate process tree), the highest of its measurements.
    const rounds = Object.fromEntries(ROUTES.map((route) => [route.id, []]));
    const peaks = Object.fromEntries(ROUTES.map((route) => [route.id, 0]));
    memory.phase();
    for (let round = 1; round <= ROUNDS; round++) {
      log(`${provider}: round ${round} of ${ROUNDS}: every route at 50 connections × ${DURATION} s`);
      for (const route of ROUTES) {
        rounds[route.id].push(await load(baseOf(route), byId[route.id], 50, DURATION));
        peaks[route.id] = Math.max(peaks[route.id], memory.phase());
      }
    }
    const results = {};
    for (const route of ROUTES) {
      log(`${provider}: ${route.label}${route.app === "bare" ? " (bare app)" : ""}: 10 connections × ${DURATION} s`);
      const at10 = await load(baseOf(route), byId[route.id], 10, DURATION);
      results[route.id] = { label: route.label, at50: medianRound(rounds[route.id]), at10, peakRssBytes: Math.max(peaks[route.id], memory.phase()) };
    }

    const file = fs.readFileSync(importFile);
    const parsedFile = JSON.parse(file.toString("utf8"));
    const importers = sessions.slice(-BUDGET.concurrentImports).map((session) => session.cookie);
    log(`${provider}: ${importers.length} concurrent imports of a ${(file.length / 1e6).toFixed(1)} MB export`);
    const imports = {
      ...(await concurrentImports(base, importers, file)),
      fileBytes: file.length,
      historyEvents: parsedFile.history.length,
      peakRssBytes: memory.phase(),
    };

    log(`${provider}: measuring the JavaScript each page loads`);
    const javascript = {
      bareAppPage: await pageJavaScript(bareApp.base, "/bare"),
      barePage: await pageJavaScript(base, "/bench/bare"),
      dashboard: await pageJavaScript(base, "/dashboard", sessions[2 % sessions.length].cookie),
    };
    const { peakBytes, samples } = memory.stop();
    memory = null;
    return { provider, seed, durability, sessionUsers: sessions.length, routes: results, imports, javascript, memory: { peakRssBytes: peakBytes, samples } };
  } catch (error) {
    if (fs.existsSync(logFile)) log(`server log (${logFile}):\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    throw error;
  } finally {
    memory?.stop();
    if (server) await stopServer(server);
    await database.drop().catch((error) => log(`could not drop the benchmark database: ${error.message}`));
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Report

const int = (n) => Math.round(n).toLocaleString("en-US");

function machine() {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  const git = (...gitArgs) => spawnSync("git", gitArgs, { cwd: root, encoding: "utf8" }).stdout.trim();
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  return {
    cpus: os.availableParallelism(),
    cpuModel: model,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    commit: `${git("rev-parse", "--short", "HEAD")}${dirty ? " (with uncommitted changes)" : ""}`,
    loadAverage: os.loadavg(),
  };
}

function runSection(report) {
  const m = report.machine;
  const summary = budgetSummary(report.runs);
  return [
    `### ${m.date.slice(0, 16).replace("T", " ")} UTC, commit ${m.commit}`,
    "",
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${(m.memoryBytes / 1e9).toFixed(1)} GB memory, Node.js ${m.node}, ${m.os}; ` +
      `load average before the run ${m.loadAverage.map((n) => n.toFixed(2)).join(" / ")}. ` +
      `${int(report.options.users)} people, cookies of ${int(report.options.sessions)} of them; ` +
      (report.options.rounds
        ? `at 50 connections ${report.options.rounds} rounds of ${report.options.duration} s per route (medians; each ratio the median of the rounds' ratios), at 10 connections one of ${report.options.duration} s. `
        : `${report.options.duration} s per measurement. `) +
      `Ladder: \`node ${report.options.nodeFlags.join(" ")} scripts/start.mjs\`; the bare app: \`next start\` with the same flags.`,
    "",
    markdownTable(report.runs),
    "",
    `${summary.passed} of ${summary.total} budgets pass.`,
  ].join("\n");
}

const DOCS = path.join(root, "docs", "benchmarks.md");
const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";
const RUN_START = "<!-- bench:run -->";

/** Puts this run first in docs/benchmarks.md's results block and keeps the one before it. */
function updateDocs(report) {
  const text = fs.readFileSync(DOCS, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS} has no ${START} … ${END} block`);
  const previousRuns = text.slice(start + START.length, end).split(RUN_START).map((s) => s.trim()).filter(Boolean);
  const runs = [runSection(report), ...previousRuns].slice(0, 2);
  const block = runs.map((run) => `${RUN_START}\n${run}`).join("\n\n");
  fs.writeFileSync(DOCS, `${text.slice(0, start + START.length)}\n${block}\n${text.slice(end)}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  const providers = ["sqlite"];
  if (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) providers.push("postgresql");
  const selected = args.only ? providers.filter((p) => p === args.only) : providers;
  if (selected.length === 0) throw new Error(`--only ${args.only}: not available (PostgreSQL needs DATABASE_URL=postgresql://…)`);

  const info = machine();
  build();
  buildBareApp({ rebuild: args.rebuild, log });
  const bareAppLog = path.join(os.tmpdir(), `ladder-bench-bare-app-${process.pid}.log`);
  log(`starting the bare app on port ${PORTS.bareApp}`);
  const bareApp = await startBareApp(PORTS.bareApp, bareAppLog);
  // Ladder's request guard sets a CSP on every page: the baseline must run without it.
  if ((await fetch(`${bareApp.base}/bare`)).headers.has("content-security-policy")) {
    await stopServer(bareApp.server);
    throw new Error("the bare app answers with a Content-Security-Policy: Ladder's request guard runs in it");
  }
  const runs = [];
  try {
    for (const provider of selected) runs.push(await runOn(provider, bareApp));
  } finally {
    await stopServer(bareApp.server);
    fs.rmSync(bareAppLog, { force: true });
  }
  const options = { users: USERS, sessions: SESSIONS, duration: DURATION, rounds: ROUNDS, warmup: WARMUP, nodeFlags: SERVER_NODE_FLAGS };
  const report = { machine: info, options, budgets: BUDGET, runs };

  const outputDir = path.join(root, "tests", ".output", "bench");
  fs.mkdirSync(outputDir, { recursive: true });
  const stamp = info.date.replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(outputDir, `${stamp}.json`), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(outputDir, "latest.json"), JSON.stringify(report, null, 2));
  if (!args["no-docs"]) updateDocs(report);

  process.stdout.write(`\n${runSection(report)}\n\n`);
  log(`raw results: tests/.output/bench/${stamp}.json${args["no-docs"] ? "" : "; table written to docs/benchmarks.md"}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    log(`failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
