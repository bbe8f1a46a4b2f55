// Measures what one `POST /api/import` of a maximum-size export costs in memory, in a Node
// started with the server's heap limit (scripts/node-flags.mjs), on a fresh database of
// seeded people. The route handler runs in this process, its body arriving in 64 kB chunks
// as from a socket. Per import: the peak RSS (VmHWM, reset before each import through
// /proc/self/clear_refs, so pauses of the event loop are not missed), the RSS and V8 heap
// in use before it, and the highest heap and external memory sampled while it ran.
// Decision record 018; figures in docs/benchmarks.md ("Where the time goes").
//
//   node --max-old-space-size=256 --expose-gc --import tsx scripts/import-memory.mts [--people 1000] [--imports 4]
// With DATABASE_URL=postgresql://… it runs on a new database on that server, dropped at the end.
import crypto from "node:crypto";
import fs from "node:fs";
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
  const { prepareDatabase, closeDatabase } = await import("@/lib/db");
  const { seedPeople } = await import("@/lib/seed");
  const { hashPassword } = await import("@/lib/auth/password");
  const { startLoginSession } = await import("@/lib/auth/login-sessions");
  const { encodeSessionToken } = await import("@/lib/auth/session-token");
  const { SESSION_COOKIE_NAME } = await import("@/lib/auth/session-cookie");
  const { todayUtc } = await import("@/lib/clock");
  const { maxSizeExport } = await import("@/lib/seed/max-size-export");
  const { POST } = await import("@/app/api/import/route");

  await prepareDatabase();
  const { people } = await seedPeople({ count: Number(options.people), passwordHash: await hashPassword(crypto.randomUUID()), today: todayUtc(), seed: 18, label: "import-memory" });
  const cookies: string[] = [];
  for (const person of people.slice(0, 3)) {
    const { claims } = await startLoginSession(person.id, "import-memory");
    cookies.push(`${SESSION_COOKIE_NAME}=${await encodeSessionToken(claims)}`);
  }
  const file = Buffer.from(JSON.stringify(maxSizeExport()));
  const provider = serverUrl ? "PostgreSQL" : "SQLite";
  console.log(`${provider}, ${people.length} seeded people; a ${(file.length / MB).toFixed(1)} MB export; Node ${process.version} ${process.execArgv.join(" ")}; load average ${os.loadavg().map((v) => v.toFixed(2)).join(" / ")}`);

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
  await importOnce(cookies[0] as string);
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
  console.log("| import | ms | RSS before | peak RSS (VmHWM) | RSS rise | heap before | peak heap | heap rise | peak external |");
  console.log("|---|---|---|---|---|---|---|---|---|");
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
      `| ${i + 1}: ${turn.label} | ${ms.toFixed(0)} | ${mb(before.rss)} | ${mb(peakRss)} | ${mb(peakRss - before.rss)} | ${mb(before.heapUsed)} | ${mb(peakHeap)} | ${mb(peakHeap - before.heapUsed)} | ${mb(peakExternal)} |`,
    );
  }
  console.log(`Worst: peak RSS ${(worstRss / MB).toFixed(0)} MB, heap rise ${(worstHeap / MB).toFixed(0)} MB (sampled every 2 ms while the event loop was free).`);
  await closeDatabase();
} finally {
  if (serverUrl) await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  fs.rmSync(workDir, { recursive: true, force: true });
}
