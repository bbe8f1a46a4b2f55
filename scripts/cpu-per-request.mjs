// CPU time per request of the main routes, measured on the production build (`next start`,
// default .next) with a small seeded SQLite (or PostgreSQL: DATABASE_URL) database: the
// server process tree's user+system CPU (from /proc) over N requests at 10 connections,
// divided by N. Less noisy on a shared machine than requests/s, because other processes'
// load does not count. `--profile DIR` also writes a V8 CPU profile of the server.
//   node scripts/cpu-per-request.mjs [--requests N] [--port P] [--profile DIR]
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { ladderRequests } from "./bench-requests.mjs";
import { applyMigrations } from "./migrate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "2000" },
    port: { type: "string", default: "3110" },
    profile: { type: "string" },
    only: { type: "string" },
  },
});
const N = Number(args.requests);
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
/** user + system CPU of a process tree, in ms. */
function cpuMs(pid) {
  return processTree(pid).reduce((sum, p) => {
    const stat = safe(() => fs.readFileSync(`/proc/${p}/stat`, "utf8"), "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return sum + (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * TICK_MS;
  }, 0);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-cpu-"));
const databaseUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${path.join(workDir, "cpu.db")}`;
const secret = crypto.randomBytes(48).toString("base64url");
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, DATA_DIR: workDir, NEXTAUTH_SECRET: secret };
for (const name of ["NEXTAUTH_URL", "AUTH_SECRET", "TRUST_PROXY", "PORT", "NEXT_DIST_DIR"]) delete env[name];

await applyMigrations(databaseUrl);
const seedFile = path.join(workDir, "seed.json");
const seeded = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(root, "scripts", "bench-seed.mts"), seedFile, path.join(workDir, "import.json")], {
  cwd: root,
  env: { ...env, BENCH_USERS: "300", BENCH_SESSION_USERS: "200" },
  stdio: ["ignore", 2, 2],
});
if (seeded.status !== 0) throw new Error("seeding failed");
const { sessions } = JSON.parse(fs.readFileSync(seedFile, "utf8"));

const profileFlags = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
const server = spawn(process.execPath, [...profileFlags, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", args.port, "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: ["ignore", fs.openSync(path.join(workDir, "server.log"), "a"), fs.openSync(path.join(workDir, "server.log"), "a")],
});
const base = `http://127.0.0.1:${args.port}`;
for (let i = 0; ; i++) {
  if (i > 360 || server.exitCode !== null) {
    server.kill("SIGTERM");
    throw new Error(`the server did not start; see ${workDir}/server.log`);
  }
  const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  if (ok) break;
  await sleep(250);
}

const requests = ladderRequests(sessions, base);
const routes = [
  { label: "GET /api/ladder", request: requests.ladder },
  { label: "GET /api/progress", request: requests.progress },
  { label: "GET /api/plan", request: requests.plan },
  { label: "PUT /api/progress/:id", request: requests.put },
  { label: "GET /dashboard", request: requests.dashboard },
].filter((route) => !args.only || route.label.includes(args.only));

const run = (request, amount) => autocannon({ url: base, connections: 10, amount, timeout: 20, requests: [request] });
const rows = [];
try {
  for (const route of routes) await run(route.request, 300);
  for (const route of routes) {
    log(`${route.label}: ${N} requests at 10 connections`);
    const before = cpuMs(server.pid);
    const started = performance.now();
    const result = await run(route.request, N);
    const cpu = cpuMs(server.pid) - before;
    const wall = performance.now() - started;
    rows.push({ route: route.label, cpuMsPerRequest: +(cpu / N).toFixed(2), requestsPerSecond: Math.round((N / wall) * 1000), p99Ms: result.latency.p99, non2xx: result.non2xx });
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  fs.rmSync(workDir, { recursive: true, force: true });
}
console.table(rows);
