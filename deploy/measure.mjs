// `node deploy/measure.mjs`: requests per second through nginx with 1, 2 and 3 instances on
// PostgreSQL (DATABASE_URL, a database of its own: its tables are created, not cleared), and
// how long a rolling restart of three instances takes under that load. The figures in
// docs/operations.md come from here. Loopback only; each run is bounded in time.
import crypto from "node:crypto";
import autocannon from "autocannon";
import { ensureBuilt, rollingRestart, startInstance, startNginx, stopInstance, waitReady } from "./cluster.mjs";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) throw new Error("set DATABASE_URL to a PostgreSQL database of its own");
const seconds = Number(process.env.MEASURE_SECONDS || 10);
const basePort = Number(process.env.MEASURE_BASE_PORT || 3330);
const nginxPort = Number(process.env.MEASURE_NGINX_PORT || 3395);
const env = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || crypto.randomBytes(32).toString("hex"), LOG_LEVEL: "warn" };

async function signedInCookie(port) {
  const origin = `http://127.0.0.1:${port}`;
  const email = `measure-${crypto.randomUUID()}@example.com`;
  const password = `Granite kettle ${crypto.randomBytes(4).toString("hex")} mosaic`;
  const headers = { origin, "content-type": "application/json" };
  await fetch(`${origin}/api/auth/register`, { method: "POST", headers, body: JSON.stringify({ email, password }) });
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { origin, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
}

function load(port, cookie, duration) {
  let instance;
  const url = `http://127.0.0.1:${port}/api/progress`;
  const done = new Promise((resolve, reject) => {
    instance = autocannon({ url, connections: 50, duration, headers: { cookie } }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  return { stop: () => instance.stop(), done };
}

const start = (port, i) => startInstance({ port, env, name: `instance ${i + 1}`, logFile: "/dev/null" });
ensureBuilt();
const rows = [];
for (const count of [1, 2, 3]) {
  const ports = Array.from({ length: count }, (_, i) => basePort + i);
  const instances = ports.map(start);
  await Promise.all(ports.map((port) => waitReady(port)));
  const nginx = await startNginx({ port: nginxPort, instancePorts: ports });
  const cookie = await signedInCookie(nginxPort);
  await load(nginxPort, cookie, 2).done; // warm-up
  const result = await load(nginxPort, cookie, seconds).done;
  rows.push({ instances: count, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors });
  if (count === 1) {
    // The same load on the instance itself, without nginx: what the proxy costs.
    const direct = await load(basePort, cookie, seconds).done;
    rows.push({ instances: "1, no nginx", rps: Math.round(direct.requests.average), p50: direct.latency.p50, p99: direct.latency.p99, failed: direct.non2xx + direct.errors });
  }
  if (count === 3) {
    const running = load(nginxPort, cookie, 60);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const restart = await rollingRestart(instances, start);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    running.stop();
    const during = await running.done;
    rows.push({ rollingRestartSeconds: restart.seconds, requestsDuringRestart: during.requests.total, failedDuringRestart: during.non2xx + during.errors });
  }
  await nginx.stop();
  await Promise.all(instances.map((instance) => stopInstance(instance)));
}
console.table(rows);
