// `npm run cluster -- --instances 3 [--port 8080] [--base-port 3001]`: N instances of Ladder
// on the configured PostgreSQL (DATABASE_URL) and Redis (REDIS_URL) behind nginx on
// loopback. The build is made once and shared; all instances start together (migrations run
// once, under a lock). SIGHUP restarts the instances one at a time; Ctrl-C stops everything.
// The functions below are also what the cluster tests (tests/cluster/) drive.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "../scripts/node-flags.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const NGINX = process.env.NGINX_BIN || "/usr/sbin/nginx";

/** @param {{ listen: string, instancePorts: number[], prefix: string }} options */
export function renderNginxConfig({ listen, instancePorts, prefix }) {
  const template = fs.readFileSync(path.join(root, "deploy", "nginx.conf.template"), "utf8");
  const servers = instancePorts.map((port) => `    server 127.0.0.1:${port} max_fails=0;`).join("\n");
  return template.replaceAll("{{PREFIX}}", prefix).replaceAll("{{LISTEN}}", listen).replaceAll("{{UPSTREAM_SERVERS}}", servers);
}

/** Starts nginx as a child process (no daemon) with its files in its own directory. */
export async function startNginx({ port, instancePorts, dir: given }) {
  const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), "ladder-nginx-"));
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(dir, "tmp", sub), { recursive: true });
  // Started as root, nginx's workers run as "nobody": they must reach the directory and write
  // request bodies over 16 kB (an import) to its temporary folders, or such a request is a 500.
  if (process.getuid?.() === 0) {
    const nobody = spawnSync("id", ["-u", "nobody"], { encoding: "utf8" });
    const uid = Number(nobody.stdout.trim());
    if (nobody.status !== 0 || !Number.isInteger(uid)) throw new Error("nginx runs its workers as nobody, and this machine has no such user");
    fs.chmodSync(dir, 0o755);
    for (const sub of ["tmp", ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => path.join("tmp", name))]) fs.chownSync(path.join(dir, sub), uid, -1);
  }
  fs.writeFileSync(path.join(dir, "nginx.conf"), renderNginxConfig({ listen: `127.0.0.1:${port}`, instancePorts, prefix: dir }));
  const child = spawn(NGINX, ["-p", dir, "-c", "nginx.conf", "-e", path.join(dir, "error.log"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  await waitFor(() => httpStatus(port, "/api/health").then((status) => status > 0), 10_000, "nginx did not start");
  return {
    dir,
    port,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
      await exited;
      if (!given) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET on 127.0.0.1; resolves the status, or 0 when the connection fails. */
export function httpStatus(port, pathname, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: pathname, agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

export async function waitFor(check, timeoutMs, message) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(message);
}

/**
 * Starts one instance with `node <server flags> scripts/start.mjs` (migrate under the lock, then serve) on
 * 127.0.0.1:port. Output goes to `logFile`, or to this process with a prefix.
 */
export function startInstance({ port, env = {}, logFile, name = `:${port}` }) {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, TRUST_PROXY: "true", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sink = logFile ? fs.createWriteStream(logFile, { flags: "a" }) : null;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      if (sink) sink.write(chunk);
      else for (const line of chunk.toString().split("\n").filter(Boolean)) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  exited.then(() => sink?.end());
  return { port, child, exited, name };
}

export function waitReady(port, timeoutMs = 60_000) {
  return waitFor(() => httpStatus(port, "/api/health/ready").then((status) => status === 200), timeoutMs, `instance on port ${port} did not become ready`);
}

/** SIGTERM, then the exit code (graceful shutdown exits 0). */
export async function stopInstance(instance, signal = "SIGTERM") {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill(signal);
  return instance.exited;
}

/**
 * Replaces each instance in turn: stop it gracefully (nginx sends its new requests to the
 * others), start a new one on the same port, wait until it is ready, go on with the next.
 */
export async function rollingRestart(instances, start) {
  const started = Date.now();
  const codes = [];
  for (let i = 0; i < instances.length; i += 1) {
    const old = instances[i];
    codes.push(await stopInstance(old));
    instances[i] = start(old.port, i);
    await waitReady(old.port);
  }
  return { seconds: (Date.now() - started) / 1000, exitCodes: codes };
}

/** Builds once when the build is missing or stale, so N instances can share it. */
export function ensureBuilt() {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", `(await import(${JSON.stringify(path.join(root, "scripts", "start.mjs"))})).ensureBuild()`], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("the build failed");
}

function option(args, name, fallback) {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

async function main(args) {
  const count = option(args, "instances", 3);
  const nginxPort = option(args, "port", 8080);
  const basePort = option(args, "base-port", 3001);
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
    console.warn("[cluster] DATABASE_URL is not a PostgreSQL URL: the instances would each use their own SQLite file.");
  }
  if (!process.env.REDIS_URL) console.warn("[cluster] REDIS_URL is not set: sign-in throttling counts in the database.");
  ensureBuilt();
  const ports = Array.from({ length: count }, (_, i) => basePort + i);
  const start = (port, i) => startInstance({ port, name: `instance ${i + 1}` });
  const instances = ports.map(start);
  await Promise.all(ports.map((port) => waitReady(port)));
  const nginx = await startNginx({ port: nginxPort, instancePorts: ports });
  console.info(`[cluster] ${count} instance(s) on ports ${ports.join(", ")} behind nginx: http://127.0.0.1:${nginxPort}`);
  console.info(`[cluster] kill -HUP ${process.pid} restarts them one at a time; Ctrl-C stops everything`);
  let busy = false;
  process.on("SIGHUP", async () => {
    if (busy) return;
    busy = true;
    const { seconds } = await rollingRestart(instances, start);
    console.info(`[cluster] rolling restart done in ${seconds.toFixed(1)} s`);
    busy = false;
  });
  const stop = async () => {
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await nginx.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`[cluster] ${error.message}`);
    process.exit(1);
  });
}
