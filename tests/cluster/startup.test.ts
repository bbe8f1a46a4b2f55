import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { httpStatus, startInstance, stopInstance, waitReady } from "../../deploy/cluster.mjs";
import { call, createDatabase, dropDatabase, signedInUser, signIn, uniqueEmail } from "./harness";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-startup-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function sqliteEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: `file:${dir}/ladder.db`, DATA_DIR: dir, NEXTAUTH_SECRET: "", AUTH_SECRET: "", REDIS_URL: "", ...extra };
}

describe("start-up checks the configuration", () => {
  it("refuses to start on PostgreSQL without NEXTAUTH_SECRET (an empty value counts as unset) and says why", async () => {
    const databaseUrl = await createDatabase("nosecret");
    const dir = tempDir();
    try {
      const instance = startInstance({ port: 3323, env: { DATABASE_URL: databaseUrl, DATA_DIR: dir, NEXTAUTH_SECRET: "", AUTH_SECRET: "" }, logFile: path.join(dir, "out.log") });
      expect(await instance.exited).toBe(1);
      expect(fs.readFileSync(path.join(dir, "out.log"), "utf8")).toContain("NEXTAUTH_SECRET is required with PostgreSQL");
      expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
    } finally {
      await dropDatabase(databaseUrl);
    }
  });

  it("stops on an invalid value with a message naming the variable", async () => {
    const dir = tempDir();
    const instance = startInstance({ port: 3323, env: sqliteEnv(dir, { LOGIN_WINDOW_MINUTES: "soon" }), logFile: path.join(dir, "out.log") });
    expect(await instance.exited).toBe(1);
    expect(fs.readFileSync(path.join(dir, "out.log"), "utf8")).toMatch(/cannot start: .*LOGIN_WINDOW_MINUTES/);
  });

  it("on SQLite with NEXTAUTH_URL= (empty) people sign in, and the generated secret outlives a restart", async () => {
    const dir = tempDir();
    const env = sqliteEnv(dir, { NEXTAUTH_URL: "" });
    let instance = startInstance({ port: 3324, env, logFile: path.join(dir, "out.log") });
    await waitReady(3324);
    expect((await call(3324, "/api/auth/csrf")).status).toBe(200);
    const user = await signedInUser(3324);
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(true);
    // Without METRICS_TOKEN there are no metrics.
    expect((await call(3324, "/api/metrics")).status).toBe(404);
    expect(await stopInstance(instance)).toBe(0);
    instance = startInstance({ port: 3324, env, logFile: path.join(dir, "out.log") });
    await waitReady(3324);
    expect((await call(3324, "/api/progress", { cookie: user.cookie })).status).toBe(200);
    expect(await stopInstance(instance)).toBe(0);
  });
});

describe("graceful shutdown on SIGTERM", () => {
  it("refuses new connections, finishes the request in flight, and exits 0", async () => {
    const dir = tempDir();
    const instance = startInstance({ port: 3325, env: sqliteEnv(dir), logFile: path.join(dir, "out.log") });
    await waitReady(3325);
    const user = await signedInUser(3325);
    const body = JSON.stringify({ status: "done", note: "sent while the server stops" });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: 3325,
          method: "PUT",
          path: "/api/progress/bachelors-computer-science",
          agent: false,
          headers: { cookie: user.cookie, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      request.on("error", reject);
      // Half the body now, the rest after SIGTERM: the request is in flight while the server stops.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        instance.child.kill("SIGTERM");
        setTimeout(async () => {
          expect(await httpStatus(3325, "/api/health/ready")).toBe(0);
          request.end(body.slice(10));
        }, 500);
      }, 300);
    });
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toMatchObject({ item: { note: "sent while the server stops" } });
    expect(await instance.exited).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out.log"), "utf8")).toContain('"msg":"shut down"');
  });

  it("cuts off requests still in flight after SHUTDOWN_TIMEOUT_SECONDS and still exits 0", async () => {
    const dir = tempDir();
    const instance = startInstance({ port: 3325, env: sqliteEnv(dir, { SHUTDOWN_TIMEOUT_SECONDS: "1" }), logFile: path.join(dir, "out.log") });
    await waitReady(3325);
    const request = http.request({ host: "127.0.0.1", port: 3325, method: "PUT", path: "/api/progress/x", agent: false, headers: { "content-length": "100" } });
    request.on("error", () => {});
    request.write("{");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    instance.child.kill("SIGTERM");
    expect(await instance.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(4000);
    request.destroy();
  });
});

describe("the server in front of Next.js", () => {
  it("writes the client address itself, so forged address headers pick no rate-limit bucket; TRACE is a JSON 405 in the request log", async () => {
    const dir = tempDir();
    const logFile = path.join(dir, "out.log");
    const instance = startInstance({ port: 3327, env: sqliteEnv(dir, { TRUST_PROXY: "false", LOGIN_MAX_FAILURES_PER_IP: "3" }), logFile });
    try {
      await waitReady(3327);
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i += 1) {
        const forged = { "x-ladder-socket-address": `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}` };
        statuses.push((await signIn(3327, uniqueEmail("forged"), "Wrong password entirely 123", forged)).status);
      }
      // Each attempt names a new address, yet all count for the one connection address.
      expect(statuses).toEqual([401, 401, 401, 429]);

      const trace = await new Promise<{ status: number; id: string | undefined; body: string }>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port: 3327, method: "TRACE", path: "/api/progress", agent: false }, (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, id: res.headers["x-request-id"] as string | undefined, body }));
        });
        request.on("error", reject);
        request.end();
      });
      expect(trace.status).toBe(405);
      expect(JSON.parse(trace.body)).toMatchObject({ error: { code: "method_not_allowed" } });
      expect(trace.id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const log = fs.readFileSync(logFile, "utf8");
      const lines = log
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((line) => line.reqId === trace.id)).toMatchObject({ method: "TRACE", status: 405, route: "/api/progress" });
      expect(log).not.toContain("client address is unknown");
    } finally {
      expect(await stopInstance(instance)).toBe(0);
    }
  });
});
