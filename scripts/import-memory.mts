// Measures what one `POST /api/import` of a maximum-size export costs in memory, in a Node
// started with the server's heap limit (scripts/node-flags.mjs), on a fresh database of
// people seeded by the bench's seed script in another process (as the bench's server, this
// process never seeds). The route handler runs in this process, its body arriving in 64 kB
// chunks as from a socket. Per import: the peak RSS (VmHWM, reset before each import through
// /proc/self/clear_refs, so pauses of the event loop are not missed), the RSS and V8 heap in
// use before it (after a full collection: what the process keeps between imports), the
// highest heap and external memory sampled while it ran, and the size of Prisma's query
// compiler's WebAssembly memory after it. Decision records 018 and 023; figures in
// docs/benchmarks.md ("Where the time goes").
//
//   node --max-old-space-size=256 --expose-gc --import tsx scripts/import-memory.mts [--people 1000] [--imports 4]
// With DATABASE_URL=postgresql://… it runs on a new database on that server, dropped at the end.
// With HEAP_SNAPSHOT=<file> it writes a heap snapshot after the last import (and a full collection).
import crypto from "node:crypto";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire, Module } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { hasServerNodeFlags, SERVER_NODE_FLAGS } from "./node-flags.mjs";
import { applyMigrations } from "./migrate.mjs";

const { values: options } = parseArgs({ options: { people: { type: "string", default: "1000" }, imports: { type: "string", default: "4" } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !hasServerNodeFlags()) {
  throw new Error(`run with: node ${SERVER_NODE_FLAGS.join(" ")} --expose-gc --import tsx scripts/import-memory.mts`);
}
// The route handler imports next/navigation, which needs React's client build (not the
// react-server condition), and `server-only`, which throws outside it: stand in for it as
// the tests do (vitest.config.mts).
const require = createRequire(import.meta.url);
const serverOnly = new Module(require.resolve("server-only"));
serverOnly.loaded = true;
require.cache[serverOnly.id] = serverOnly;

// Prisma's query compiler is a WebAssembly instance; its memory only ever grows. Kept here to
// report its size after each import.
const wasmMemories: WebAssembly.Memory[] = [];
const WasmInstance = WebAssembly.Instance;
WebAssembly.Instance = class extends WasmInstance {
  constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
    super(module, imports);
    for (const value of Object.values(this.exports)) if (value instanceof WebAssembly.Memory) wasmMemories.push(value);
  }
} as typeof WebAssembly.Instance;
const wasmBytes = () => wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0);

const MB = 1e6;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-import-memory-"));
const serverUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : null;
const databaseName = `ladder_import_memory_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl ?? undefined });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
let databaseUrl = `file:${path.join(workDir, "ladder.db")}`;
if (serverUrl) {
  await onServer(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
}
Object.assign(process.env, { NODE_ENV: "production", DATABASE_URL: databaseUrl, DATA_DIR: workDir, NEXTAUTH_SECRET: crypto.randomBytes(48).toString("base64url") });
for (const name of ["NEXTAUTH_URL", "AUTH_SECRET", "TRUST_PROXY"]) delete process.env[name];

function status(): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const match of fs.readFileSync("/proc/self/status", "utf8").matchAll(/^(Vm\w+):\s+(\d+) kB/gm)) fields[match[1] as string] = Number(match[2]) * 1024;
  return fields;
}

/** A request body delivered in 64 kB chunks, each a copy, as a socket delivers it. */
function socketBody(file: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= file.length) return controller.close();
      controller.enqueue(new Uint8Array(file.subarray(offset, offset + 65_536)));
      offset += 65_536;
    },
  });
}

try {
  await applyMigrations(databaseUrl);
  // Seeded in another process, as the bench does: seeding writes large statements through
  // Prisma, which would grow this process's query compiler before any import is measured.
  const seedFile = path.join(workDir, "seed.json");
  const importFile = path.join(workDir, "import.json");
  const seeded = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/bench-seed.mts", seedFile, importFile], {
    env: { ...process.env, BENCH_USERS: options.people, BENCH_SESSION_USERS: "3" },
    stdio: ["ignore", "ignore", 2],
  });
  if (seeded.status !== 0) throw new Error(`seeding failed (exit ${seeded.status ?? seeded.signal})`);
  const cookies = (JSON.parse(fs.readFileSync(seedFile, "utf8")) as { sessions: { cookie: string }[] }).sessions.map((session) => session.cookie);
  const file = fs.readFileSync(importFile);

  const { prepareDatabase, closeDatabase } = await import("@/lib/db");
  const { POST } = await import("@/app/api/import/route");
  await prepareDatabase();
  const provider = serverUrl ? "PostgreSQL" : "SQLite";
  console.log(`${provider}, ${options.people} seeded people; a ${(file.length / MB).toFixed(1)} MB export; Node ${process.version} ${process.execArgv.join(" ")}; load average ${os.loadavg().map((v) => v.toFixed(2)).join(" / ")}`);

  const importOnce = async (cookie: string) => {
    const response = await POST(
      new Request("http://localhost:3000/api/import", {
        method: "POST",
        headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json", "content-length": String(file.length) },
        body: socketBody(file),
        duplex: "half",
      } as RequestInit),
      {},
    );
    const text = await response.text();
    if (response.status !== 200) throw new Error(`import answered ${response.status}: ${text.slice(0, 300)}`);
  };

  // The first import loads and compiles the code; it is not counted. Then people import in
  // turn: someone who has not imported yet (what an import replaces is small), then the same
  // person again (what it replaces, kept for undo, is 20,000 events), and so on.
  const compilerBefore = wasmBytes();
  await importOnce(cookies[0] as string);
  console.log(`Prisma's query compiler memory: ${(compilerBefore / MB).toFixed(0)} MB before the warm-up import, ${(wasmBytes() / MB).toFixed(0)} MB after it; RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB.`);
  const hasImported = new Set([cookies[0]]);
  const order = [1, 1, 2, 2, 0];
  const turns = Array.from({ length: Number(options.imports) }, (_, i) => {
    const cookie = cookies[order[i % order.length] as number] as string;
    const label = hasImported.has(cookie) ? "again (undo keeps 20,000 events)" : "first import of a seeded person";
    hasImported.add(cookie);
    return { cookie, label };
  });
  let worstRss = 0;
  let worstHeap = 0;
  console.log("| import | ms | RSS before | peak RSS (VmHWM) | RSS rise | heap before | peak heap | heap rise | peak external | compiler memory |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const [i, turn] of turns.entries()) {
    gc();
    gc();
    const before = process.memoryUsage();
    fs.writeFileSync("/proc/self/clear_refs", "5");
    let peakHeap = before.heapUsed;
    let peakExternal = before.external;
    const sample = () => {
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakExternal = Math.max(peakExternal, now.external);
    };
    const timer = setInterval(sample, 2);
    const started = performance.now();
    await importOnce(turn.cookie);
    const ms = performance.now() - started;
    clearInterval(timer);
    sample();
    const peakRss = status().VmHWM ?? 0;
    worstRss = Math.max(worstRss, peakRss);
    worstHeap = Math.max(worstHeap, peakHeap - before.heapUsed);
    const mb = (bytes: number) => (bytes / MB).toFixed(0);
    console.log(
      `| ${i + 1}: ${turn.label} | ${ms.toFixed(0)} | ${mb(before.rss)} | ${mb(peakRss)} | ${mb(peakRss - before.rss)} | ${mb(before.heapUsed)} | ${mb(peakHeap)} | ${mb(peakHeap - before.heapUsed)} | ${mb(peakExternal)} | ${mb(wasmBytes())} |`,
    );
  }
  console.log(`Worst: peak RSS ${(worstRss / MB).toFixed(0)} MB, heap rise ${(worstHeap / MB).toFixed(0)} MB (sampled every 2 ms while the event loop was free).`);
  if (process.env.HEAP_SNAPSHOT) {
    gc();
    gc();
    (await import("node:v8")).writeHeapSnapshot(process.env.HEAP_SNAPSHOT);
  }
  await closeDatabase();
} finally {
  if (serverUrl) await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  fs.rmSync(workDir, { recursive: true, force: true });
}
