// CPU time per request of the main routes, measured on the production build (default .next)
// served as `npm start` serves it (scripts/server.mjs with the server's Node flags: request
// id, request log, metrics; `--next-start` for plain `next start`), with a small seeded
// SQLite (or PostgreSQL: DATABASE_URL) database: the server process tree's user+system CPU
// (from /proc) over N requests at 10 connections, divided by N, and the same for the main
// thread alone (what requests queue for under load; docs/benchmarks.md). Less noisy on a shared
// machine than requests/s, because other processes' load does not count. The first row is
// Ladder's bare route (no session, no database): what every request pays before Ladder's
// own code. On PostgreSQL a second figure is the CPU of the database's backends serving the
// measured database, per request. `--profile DIR` also writes a V8 CPU profile of the server; `--only TEXT` keeps
// the routes whose label contains TEXT; `--users N` seeds N people (the bench seeds 10,000),
// `--sessions N` signs in N of them. `--bare-app` also measures the bench's bare app
// (bench/bare-app under plain `next start` on port P+1, built as the bench builds it when its build is not current) and adds
// each route's main-thread ratio: the bare app's route (API) or page (pages) main-thread time
// divided by the route's, which tracks the bench's requests/s ratios (docs/benchmarks.md).
// `--compare DIR` also serves another checkout's production build (its scripts/server.mjs,
// its .next, on port P+2) on the same database, and measures each route on both servers in
// turn (an A/B of two builds in one run: the machine's drift falls on both alike);
// `--rounds R` measures every route R times, alternating, and reports the medians;
// `--compare-flags "F …"` starts the other build's server with these Node flags added (with
// `--compare .`, an A/B of the flags alone); `--connections C` measures at C connections instead of 10 (the bench's ratios are at 50).
//   node scripts/cpu-per-request.mjs [--requests N] [--port P] [--profile DIR] [--only TEXT] [--next-start] [--users N] [--sessions N] [--bare-app] [--compare DIR] [--rounds R] [--compare-flags F] [--connections C]
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { ladderRequests } from "./bench-requests.mjs";
import { BARE_APP_DIR, bareAppEnv, bareAppServerArgs, buildBareApp } from "./bare-app.mjs";
import { median } from "./bench-report.mjs";
import { applyMigrations } from "./migrate.mjs";
import { SERVER_NODE_FLAGS } from "./node-flags.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "2000" },
    port: { type: "string", default: "3110" },
    users: { type: "string", default: "300" },
    sessions: { type: "string", default: "200" },
    profile: { type: "string" },
    only: { type: "string" },
    "next-start": { type: "boolean", default: false },
    "bare-app": { type: "boolean", default: false },
    compare: { type: "string" },
    rounds: { type: "string", default: "1" },
    connections: { type: "string", default: "10" },
    "compare-flags": { type: "string", default: "" },
  },
});
const N = Number(args.requests);
const CONNECTIONS = Number(args.connections);
const TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
const log = (message) => process.stderr.write(`[cpu] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => fs.readdirSync(`/proc/${pids[i]}/task`), [])) {
      const children = safe(() => fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim(), "");
      if (children) pids.push(...children.split(/\s+/).map(Number));
    }
  }
  return pids;
}
function safe(fn, fallback) {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
/** user + system CPU (ms) in one /proc stat file: a process's (all its threads) or one thread's. */
function statCpuMs(file) {
  const stat = safe(() => fs.readFileSync(file, "utf8"), "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * TICK_MS;
}

/** user + system CPU of a process (with its children: `tree`), in ms. */
function cpuMs(pid, tree = true) {
  return (tree ? processTree(pid) : [pid]).reduce((sum, p) => sum + statCpuMs(`/proc/${p}/stat`), 0);
}

/**
 * user + system CPU of the main threads only (JavaScript, the event loop), in ms: without V8's
 * garbage-collection helpers and libuv's pool, which run beside it. Under load the main thread
 * is what a request queues for.
 */
function mainThreadMs(pid) {
  return processTree(pid).reduce((sum, p) => sum + statCpuMs(`/proc/${p}/task/${p}/stat`), 0);
}

/**
 * PostgreSQL: user+system CPU (ms) of the server backends connected to the measured database,
 * by pid (PostgreSQL shares the machine's CPUs with the server, so its work counts too).
 */
async function databaseCpuMs(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return new Map(rows.map(({ pid }) => [pid, cpuMs(pid, false)]));
  } finally {
    await client.end();
  }
}
/** CPU the backends spent between two databaseCpuMs() readings (a new backend from zero). */
function databaseCpuDelta(before, after) {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-cpu-"));
const isPostgres = Boolean(process.env.DATABASE_URL?.startsWith("postgres"));
const databaseUrl = isPostgres ? process.env.DATABASE_URL : `file:${path.join(workDir, "cpu.db")}`;
const secret = crypto.randomBytes(48).toString("base64url");
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, DATA_DIR: workDir, NEXTAUTH_SECRET: secret, BENCH_ROUTES: "1" };
for (const name of ["NEXTAUTH_URL", "AUTH_SECRET", "TRUST_PROXY", "PORT", "NEXT_DIST_DIR"]) delete env[name];

await applyMigrations(databaseUrl);
const seedFile = path.join(workDir, "seed.json");
const seeded = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(root, "scripts", "bench-seed.mts"), seedFile, path.join(workDir, "import.json")], {
  cwd: root,
  env: { ...env, BENCH_USERS: args.users, BENCH_SESSION_USERS: args.sessions },
  stdio: ["ignore", 2, 2],
});
if (seeded.status !== 0) throw new Error("seeding failed");
const { sessions } = JSON.parse(fs.readFileSync(seedFile, "utf8"));

const profileFlags = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
const serverLog = fs.openSync(path.join(workDir, "server.log"), "a");
// Servers started so far: stopped if the script ends early (a later server that does not start).
const startedServers = new Set();
process.on("exit", () => {
  for (const child of startedServers) if (child.exitCode === null) child.kill("SIGTERM");
});
/** Starts a server and waits until `readyPath` answers 200. */
async function startServer(nodeArgs, port, readyPath, cwd, serverEnv) {
  const child = spawn(process.execPath, nodeArgs, { cwd, env: { ...serverEnv, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", serverLog, serverLog] });
  startedServers.add(child);
  for (let i = 0; ; i++) {
    if (i > 360 || child.exitCode !== null) {
      child.kill("SIGTERM");
      throw new Error(`a server did not start; see ${workDir}/server.log`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`).then((r) => r.ok, () => false);
    if (ok) return child;
    await sleep(250);
  }
}
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverArgs = args["next-start"] ? [nextBin, "start", "-p", args.port, "-H", "127.0.0.1"] : [...SERVER_NODE_FLAGS, path.join(root, "scripts", "server.mjs")];
const server = await startServer([...profileFlags, ...serverArgs], args.port, "/api/health", root, env);
const base = `http://127.0.0.1:${args.port}`;

// The bench's baseline, built and started as the bench builds and starts it (scripts/bare-app.mjs).
const bareAppPort = Number(args.port) + 1;
let bareApp = null;
if (args["bare-app"]) {
  buildBareApp({ log });
  bareApp = await startServer(bareAppServerArgs(bareAppPort), bareAppPort, "/api/bare", BARE_APP_DIR, bareAppEnv());
}

// The other build, as `npm start` serves it, from its own checkout.
const compareDir = args.compare ? path.resolve(args.compare) : null;
const comparePort = Number(args.port) + 2;
const compareBase = `http://127.0.0.1:${comparePort}`;
const compareFlags = args["compare-flags"].split(/\s+/).filter(Boolean);
const compareServer = compareDir ? await startServer([...SERVER_NODE_FLAGS, ...compareFlags, path.join(compareDir, "scripts", "server.mjs")], comparePort, "/api/health", compareDir, env) : null;

const requests = ladderRequests(sessions, base);
const bareAppBase = `http://127.0.0.1:${bareAppPort}`;
const bareAppRoutes = bareApp
  ? [
      { label: "GET /api/bare (bare app)", request: { method: "GET", path: "/api/bare" }, server: bareApp, base: bareAppBase, baseline: "route" },
      { label: "GET /bare (bare app, page)", request: { method: "GET", path: "/bare" }, server: bareApp, base: bareAppBase, baseline: "page" },
    ]
  : [];
const ladderRoutes = (requestsOf) => [
  { label: "GET /api/bench/bare", request: { method: "GET", path: "/api/bench/bare" } },
  { label: "GET /bench/bare (page)", request: { method: "GET", path: "/bench/bare" } },
  { label: "GET /api/ladder", request: requestsOf.ladder },
  { label: "GET /api/progress", request: requestsOf.progress },
  { label: "GET /api/plan", request: requestsOf.plan },
  { label: "PUT /api/progress/:id", request: requestsOf.put },
  { label: "GET /dashboard", request: requestsOf.dashboard },
];
// Each Ladder route, then (with --compare) the same route on the other build, with its own Origin for the PUT.
const compareRoutes = compareServer ? ladderRoutes(ladderRequests(sessions, compareBase)) : [];
const routes = [
  ...bareAppRoutes,
  ...ladderRoutes(requests).flatMap((route, i) => [
    { server, base, ...route },
    ...(compareServer ? [{ ...compareRoutes[i], label: `${route.label} [${path.basename(compareDir)}]`, server: compareServer, base: compareBase }] : []),
  ]),
].filter((route) => route.baseline || !args.only || route.label.includes(args.only));

const run = (route, amount) => autocannon({ url: route.base, connections: CONNECTIONS, amount, timeout: 20, requests: [route.request] });

/** One measurement of N requests: CPU per request of the route's server (and of PostgreSQL's backends), requests/s, p99, non-2xx. */
async function measure(route) {
  const databaseBefore = isPostgres ? await databaseCpuMs(databaseUrl) : null;
  const pid = route.server.pid;
  const before = cpuMs(pid);
  const mainBefore = mainThreadMs(pid);
  const result = await run(route, N);
  return {
    cpu: (cpuMs(pid) - before) / N,
    mainThread: (mainThreadMs(pid) - mainBefore) / N,
    // Little's law: at a fixed number of connections, requests/s is connections / mean latency.
    // (autocannon ends a run of N requests on its 1 s tick, so N / wall time is coarse.)
    rate: (CONNECTIONS / result.latency.mean) * 1000,
    databaseCpu: databaseBefore ? databaseCpuDelta(databaseBefore, await databaseCpuMs(databaseUrl)) / N : null,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

const rounds = Math.max(1, Number(args.rounds));
const samples = new Map(routes.map((route) => [route, []]));
const rows = [];
try {
  for (const route of routes) await run(route, 300);
  for (let round = 0; round < rounds; round++) {
    // Every other round backwards, so that neither build is always measured first.
    for (const route of round % 2 === 0 ? routes : [...routes].reverse()) {
      log(`${route.label}: ${N} requests at ${CONNECTIONS} connections${rounds > 1 ? ` (round ${round + 1} of ${rounds})` : ""}`);
      samples.get(route)?.push(await measure(route));
    }
  }
  const baselineMs = {};
  for (const route of routes) {
    const runs = samples.get(route) ?? [];
    const mainThread = median(runs.map((r) => r.mainThread));
    if (route.baseline) baselineMs[route.baseline] = mainThread;
    const baseline = baselineMs[route.request.path.startsWith("/api/") ? "route" : "page"];
    const ratio = baseline ? { mainThreadRatio: `${Math.round((baseline / mainThread) * 100)} %` } : {};
    const databaseCpu = isPostgres ? { databaseCpuMsPerRequest: +median(runs.map((r) => r.databaseCpu ?? 0)).toFixed(2) } : {};
    rows.push({
      route: route.label,
      cpuMsPerRequest: +median(runs.map((r) => r.cpu)).toFixed(2),
      mainThreadMsPerRequest: +mainThread.toFixed(2),
      ...(rounds > 1 ? { mainThreadRuns: runs.map((r) => r.mainThread.toFixed(2)).join(" ") } : {}),
      ...ratio,
      ...databaseCpu,
      requestsPerSecond: Math.round(median(runs.map((r) => r.rate))),
      p99Ms: Math.max(...runs.map((r) => r.p99)),
      non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    });
  }
} finally {
  for (const child of [server, bareApp, compareServer].filter(Boolean)) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}
console.table(rows);
