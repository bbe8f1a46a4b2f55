// Helpers of the cluster tests: real instances (`node scripts/start.mjs`) on loopback ports,
// real nginx in front, the private PostgreSQL and Redis of services.ts behind.
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startInstance, startNginx, stopInstance, waitReady } from "../../deploy/cluster.mjs";

export const PG_PORT = 5440;
export const REDIS_PORT = 6390;
export const PG_SERVER_URL = `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres`;
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
export const SECRET = crypto.randomBytes(32).toString("base64url");

export type Instance = ReturnType<typeof startInstance>;

export function pgCtl(action: "start" | "stop"): void {
  const dir = process.env.LADDER_CLUSTER_PG_DIR;
  const bin = process.env.LADDER_CLUSTER_PG_BIN;
  if (!dir || !bin) throw new Error("the private PostgreSQL of tests/cluster/services.ts is not set up");
  const args =
    action === "start"
      ? ["-D", path.join(dir, "data"), "-l", path.join(dir, "log"), "-w", "-o", `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]
      : ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"];
  const command = path.join(bin, "pg_ctl");
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

export function startRedis(): void {
  spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore", detached: true }).unref();
}

export function stopRedis(): void {
  execFileSync("redis-cli", ["-p", String(REDIS_PORT), "shutdown", "nosave"], { stdio: "ignore" });
}

export function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the private PostgreSQL; returns its URL. */
export async function createDatabase(label: string): Promise<string> {
  const name = `ladder_cluster_${label}_${crypto.randomBytes(3).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return PG_SERVER_URL.replace(/\/postgres$/, `/${name}`);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export async function queryDatabase<T extends Record<string, unknown>>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export type Cluster = {
  instances: Instance[];
  ports: number[];
  nginxPort: number;
  databaseUrl: string;
  logDir: string;
  env: Record<string, string>;
  /** A new instance on the same port with the same settings (for restarts). */
  start(port: number, index: number): Instance;
  logs(): string;
  stop(): Promise<void>;
};

/** N instances started together on a fresh database (or the one given), behind nginx. */
export async function startCluster(options: { label: string; count: number; basePort: number; nginxPort: number; env?: Record<string, string>; databaseUrl?: string }): Promise<Cluster> {
  const databaseUrl = options.databaseUrl ?? (await createDatabase(options.label));
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `ladder-cluster-${options.label}-`));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    NEXTAUTH_SECRET: SECRET,
    DATA_DIR: logDir,
    LOG_LEVEL: "info",
    ...options.env,
  };
  const start = (port: number, index: number) => startInstance({ port, env, logFile: path.join(logDir, `instance-${index + 1}.log`) });
  const ports = Array.from({ length: options.count }, (_, i) => options.basePort + i);
  const instances = ports.map(start);
  await Promise.all(ports.map((port) => waitReady(port)));
  const nginx = await startNginx({ port: options.nginxPort, instancePorts: ports });
  return {
    instances,
    ports,
    nginxPort: options.nginxPort,
    databaseUrl,
    logDir,
    env,
    start,
    logs: () =>
      fs
        .readdirSync(logDir)
        .filter((f) => f.endsWith(".log"))
        .map((f) => fs.readFileSync(path.join(logDir, f), "utf8"))
        .join("\n"),
    async stop() {
      await nginx.stop();
      await Promise.all(instances.map((instance) => stopInstance(instance)));
      await dropDatabase(databaseUrl).catch(() => {});
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}

export function baseUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

type CallInit = { method?: string; body?: unknown; cookie?: string | null; form?: Record<string, string>; headers?: Record<string, string>; timeoutMs?: number };

/** One request to the app on `port` (an instance or nginx), as a browser on that origin would send it. */
export async function call(port: number, pathname: string, init: CallInit = {}): Promise<Response> {
  const headers = new Headers({ ...init.headers, origin: baseUrl(port) });
  if (init.cookie) headers.set("cookie", init.cookie);
  let body: string | undefined;
  if (init.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  } else if (init.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.body);
  }
  return fetch(`${baseUrl(port)}${pathname}`, {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
  });
}

export function sessionCookieOf(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0] ?? "";
    if (pair.startsWith("next-auth.session-token=") && pair.length > "next-auth.session-token=".length) return pair;
  }
  return null;
}

export function strongPassword(): string {
  return `Granite kettle ${crypto.randomBytes(4).toString("hex")} mosaic`;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID()}@example.com`;
}

/** Signs in on `port` like the /signin page: csrf, then the credentials callback. */
export async function signIn(port: number, email: string, password: string, headers?: Record<string, string>): Promise<{ status: number; cookie: string | null }> {
  const csrf = await call(port, "/api/auth/csrf", { headers });
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await call(port, "/api/auth/callback/credentials", { cookie: csrfCookie, form: { email, password, csrfToken, json: "true" }, headers, timeoutMs: 60_000 });
  await response.arrayBuffer();
  return { status: response.status, cookie: sessionCookieOf(response) };
}

export async function register(port: number, email: string, password: string): Promise<void> {
  // Password hashing is slow on purpose; on a busy two-core machine give it time.
  const response = await call(port, "/api/auth/register", { body: { email, password, name: "Cluster Person" }, timeoutMs: 60_000 });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
}

export async function signedInUser(port: number): Promise<{ email: string; password: string; cookie: string }> {
  const email = uniqueEmail();
  const password = strongPassword();
  await register(port, email, password);
  const { status, cookie } = await signIn(port, email, password);
  if (!cookie) throw new Error(`sign-in failed: ${status}`);
  return { email, password, cookie };
}

export { stopInstance, waitReady };
