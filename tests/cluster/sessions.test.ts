import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Cluster, createDatabase, dropDatabase, queryDatabase, signedInUser, signIn, startCluster, strongPassword } from "./harness";

const METRICS_TOKEN = "cluster-metrics-token-0123456789";
let cluster: Cluster;

beforeAll(async () => {
  // Three instances start at the same moment on an empty database.
  cluster = await startCluster({ label: "sessions", count: 3, basePort: 3310, nginxPort: 3390, env: { METRICS_TOKEN } });
});

afterAll(async () => {
  await cluster?.stop();
});

async function statusOn(port: number, cookie: string): Promise<number> {
  const response = await call(port, "/api/progress", { cookie });
  await response.arrayBuffer();
  return response.status;
}

async function signOut(port: number, cookie: string): Promise<number> {
  const csrf = await call(port, "/api/auth/csrf", { cookie });
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await call(port, "/api/auth/signout", { cookie: [cookie, ...csrfCookie].join("; "), form: { csrfToken, json: "true" } });
  await response.arrayBuffer();
  return response.status;
}

describe("three instances on one PostgreSQL and Redis behind nginx", () => {
  it("ran the migrations once although all three started together", async () => {
    const total = fs.readdirSync(path.join(process.cwd(), "prisma/postgres/migrations")).filter((name) => !name.includes(".")).length;
    const rows = await queryDatabase<{ count: string }>(cluster.databaseUrl, 'SELECT count(*)::text AS count FROM "_ladder_migrations"');
    expect(Number(rows[0]?.count)).toBe(total);
    const applied = [...cluster.logs().matchAll(/postgresql: (\d+) migration\(s\) applied/g)].map((m) => Number(m[1]));
    expect(applied).toHaveLength(3);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("a session made on one instance works on every other and through nginx", async () => {
    const user = await signedInUser(cluster.ports[0] as number);
    for (const port of [...cluster.ports, cluster.nginxPort]) expect(await statusOn(port, user.cookie)).toBe(200);
  });

  it("signing out on one instance ends that session on every instance", async () => {
    const [first, second, third] = cluster.ports as [number, number, number];
    const user = await signedInUser(first);
    const other = await signIn(second, user.email, user.password);
    expect(other.cookie).toBeTruthy();
    expect(await signOut(third, user.cookie)).toBe(200);
    for (const port of cluster.ports) expect(await statusOn(port, user.cookie)).toBe(401);
    // The person's other session is untouched.
    for (const port of cluster.ports) expect(await statusOn(port, other.cookie as string)).toBe(200);
  });

  it("changing the password on one instance ends the other sessions everywhere", async () => {
    const [first, second, third] = cluster.ports as [number, number, number];
    const user = await signedInUser(first);
    const elsewhere = (await signIn(third, user.email, user.password)).cookie as string;
    const newPassword = strongPassword();
    const changed = await call(second, "/api/account/password", { method: "PUT", cookie: user.cookie, body: { currentPassword: user.password, newPassword } });
    expect(changed.status).toBe(200);
    const fresh = changed.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0] as string;
    for (const port of cluster.ports) {
      expect(await statusOn(port, elsewhere)).toBe(401);
      expect(await statusOn(port, user.cookie)).toBe(401);
      expect(await statusOn(port, fresh)).toBe(200);
    }
    expect((await signIn(first, user.email, newPassword)).cookie).toBeTruthy();
  });

  it("logs one JSON line per request with its request id, never a cookie, password or token", async () => {
    const user = await signedInUser(cluster.nginxPort);
    const token = "s3cr3tTokenValue_abcdefghijklmnopqrstuvwxyz012345";
    const tokenPaths = [`/api/calendar/${token}.ics`, `/share/${token}`, `/reset-password?token=${token}`];
    const ids: string[] = [];
    for (const pathname of ["/api/progress", ...tokenPaths]) {
      const response = await call(cluster.nginxPort, pathname, { cookie: user.cookie });
      await response.arrayBuffer();
      const id = response.headers.get("x-request-id");
      expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
      ids.push(id as string);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const logs = cluster.logs();
    const lines = logs
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === "request");
    for (const id of ids) {
      const line = lines.find((l) => l.reqId === id);
      expect(line).toMatchObject({ reqId: id, method: "GET", status: expect.any(Number), durationMs: expect.any(Number), route: expect.any(String) });
      expect(typeof line?.time).toBe("number");
    }
    expect(lines.find((l) => l.reqId === ids[0])).toMatchObject({ route: "/api/progress", status: 200 });
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(user.password);
    expect(logs).not.toContain(user.cookie.split("=")[1] as string);
  });

  it("imports an export of several MB through nginx; nginx's own refusals (a body over its limit, TRACE) are the API's JSON errors", async () => {
    const user = await signedInUser(cluster.ports[0] as number);
    const nginx = cluster.nginxPort;
    const saved = await call(nginx, "/api/progress/build-a-network", { method: "PUT", cookie: user.cookie, body: { status: "in_progress", note: "first" } });
    expect(saved.status).toBe(200);
    const exported = (await (await call(nginx, "/api/export", { cookie: user.cookie })).json()) as { history: Record<string, unknown>[] };
    const event = exported.history[0] as Record<string, unknown>;
    // About 3 MB, well under the import's 8 MiB (bodies over 16 kB go through nginx's temp folder).
    const entry = (i: number) => ({ ...event, changes: { note: [null, `${i} ${"n".repeat(1990)}`] } });
    const entryBytes = JSON.stringify(entry(1000)).length + 1;
    const fileOf = (bytes: number) => ({ ...exported, history: Array.from({ length: Math.ceil(bytes / entryBytes) }, (_, i) => entry(i)) });
    const file = fileOf(3_000_000);
    expect(JSON.stringify(file).length).toBeGreaterThan(2_900_000);
    const imported = await call(nginx, "/api/import", { cookie: user.cookie, body: file, timeoutMs: 60_000 });
    const text = await imported.text();
    if (!text.startsWith("{")) throw new Error(`${imported.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { restored?: { history: number } };
    expect(imported.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.restored?.history).toBe(file.history.length);

    // Over the import's cap (8 MiB, 8.39 MB) but under nginx's (9 MiB, 9.44 MB): the instance
    // refuses it in its own words.
    const overCap = await call(nginx, "/api/import", { cookie: user.cookie, body: fileOf(8_900_000), timeoutMs: 60_000 });
    expect(overCap.status).toBe(413);
    expect(await overCap.json()).toMatchObject({ error: { code: "payload_too_large", message: expect.any(String) } });

    // Over nginx's limit: refused by nginx, in the same shape.
    const huge = await call(nginx, "/api/import", { cookie: user.cookie, body: fileOf(10_000_000), timeoutMs: 60_000 });
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toContain("application/json");
    expect(await huge.json()).toMatchObject({ error: { code: "payload_too_large" } });
    // A write far over its own cap: the instance's 413, in the same shape.
    const bigNote = await call(nginx, "/api/progress/build-a-network", { method: "PUT", cookie: user.cookie, body: { note: "x".repeat(2_200_000) } });
    expect(bigNote.status).toBe(413);
    expect(await bigNote.json()).toMatchObject({ error: { code: "payload_too_large" } });

    // fetch refuses to send TRACE; a raw request does.
    const raw = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port: nginx, method: "TRACE", path: "/api/progress", agent: false }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body: text }));
      });
      request.on("error", reject);
      request.end();
    });
    expect(raw.status).toBe(405);
    expect(raw.type).toContain("application/json");
    expect(JSON.parse(raw.body)).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  it("serves Prometheus metrics behind the bearer token", async () => {
    const port = cluster.ports[0] as number;
    expect((await call(port, "/api/metrics")).status).toBe(401);
    const response = await fetch(`http://127.0.0.1:${port}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/ladder_http_requests_total\{method="GET",route="\/api\/progress",status="200"\} \d+/);
    expect(text).toContain('ladder_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/api/progress"}');
    expect(text).toMatch(/ladder_db_pool_connections\{state="total"\} \d+/);
    // Page renders taking turns (decision record 029): none waiting on an idle instance.
    expect(text).toMatch(/ladder_page_renders\{state="rendering"\} \d+/);
    expect(text).toContain('ladder_page_renders{state="waiting"} 0');
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it.skipIf(spawnSync("pg_dump", ["--version"]).status !== 0)("backs PostgreSQL up with pg_dump while it serves, and restores only a readable archive", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-pg-backup-"));
    const target = await createDatabase("restored");
    const run = (script: string, args: string[], databaseUrl: string) =>
      spawnSync(process.execPath, [script, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
    try {
      const dump = path.join(dir, "ladder.dump");
      const made = run("scripts/backup.mjs", ["--out", dump], cluster.databaseUrl);
      expect(made.status, made.stderr).toBe(0);
      const broken = path.join(dir, "broken.dump");
      fs.writeFileSync(broken, "not an archive");
      const refused = run("scripts/restore.mjs", [broken], target);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("nothing was replaced");
      const restored = run("scripts/restore.mjs", [dump], target);
      expect(restored.status, restored.stderr).toBe(0);
      const count = 'SELECT count(*)::text AS count FROM "User"';
      const [original] = await queryDatabase<{ count: string }>(cluster.databaseUrl, count);
      const [copy] = await queryDatabase<{ count: string }>(target, count);
      expect(Number(copy?.count)).toBeGreaterThan(0);
      expect(copy?.count).toBe(original?.count);
    } finally {
      await dropDatabase(target);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
