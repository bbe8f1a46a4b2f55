// The production server: Next's request handler inside a plain Node HTTP server that adds
// what running several instances needs: a request id, one JSON log line per request,
// Prometheus metrics at /api/metrics, and a graceful shutdown on SIGTERM (readiness fails,
// new connections are refused so the load balancer retries elsewhere, requests in flight
// finish, database and Redis connections close, exit 0). Started by scripts/start.mjs.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";
import client from "prom-client";
import { createPageTurns, isPageRequest, pageRenderLimit } from "./page-turns.mjs";
import { requestIdFrom, routeOf } from "./request-log.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The lifecycle global the app registers in instrumentation.ts (lib/ops/lifecycle.ts). */
function lifecycle() {
  const holder = /** @type {any} */ (globalThis);
  holder.__ladderLifecycle ??= { isDraining: false };
  return holder.__ladderLifecycle;
}

function createMetrics(pageTurns) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const requests = new client.Counter({
    name: "ladder_http_requests_total",
    help: "HTTP requests answered, by method, route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: "ladder_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inFlight = new client.Gauge({ name: "ladder_http_requests_in_flight", help: "Requests being answered", registers: [registry] });
  new client.Gauge({
    name: "ladder_page_renders",
    help: "Page requests rendering and waiting for their turn (PAGE_RENDER_CONCURRENCY at once)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      this.set({ state: "rendering" }, pageTurns.running);
      this.set({ state: "waiting" }, pageTurns.waiting);
    },
  });
  new client.Gauge({
    name: "ladder_db_pool_connections",
    help: "PostgreSQL pool connections by state (absent on SQLite)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = lifecycle().poolStats?.();
      if (!stats) return;
      for (const state of ["total", "idle", "waiting"]) this.set({ state }, stats[state]);
    },
  });
  return { registry, requests, duration, inFlight };
}

function tokenMatches(header, token) {
  const given = crypto.createHash("sha256").update(String(header ?? "")).digest();
  const expected = crypto.createHash("sha256").update(`Bearer ${token}`).digest();
  return crypto.timingSafeEqual(given, expected);
}

function listen(server, port, hostname) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function warmUp(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/api/health/ready", agent: false, headers: { connection: "close" } }, (response) => {
      response.resume();
      response.on("end", resolve);
    });
    request.on("error", resolve);
  });
}

export async function serve({ port = Number(process.env.PORT || 3000), hostname = process.env.HOST || undefined } = {}) {
  // Empty variables count as unset, for next-auth and Next itself as for lib/env.ts.
  for (const [key, value] of Object.entries(process.env)) if (value === "") delete process.env[key];
  // Buffered: one write to stdout per 4 kB of lines (or every 100 ms) instead of a blocking
  // write for every request's line; pino writes what is left when the process exits
  // (decision record 019).
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });
  const log = pino({ level: process.env.LOG_LEVEL || "info", base: { pid: process.pid } }, destination);
  const metricsToken = process.env.METRICS_TOKEN;
  const pageTurns = createPageTurns(pageRenderLimit(process.env.PAGE_RENDER_CONCURRENCY));
  const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS || 20) * 1000;
  const metrics = createMetrics(pageTurns);

  const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let inFlight = 0;
  let onIdle = () => {};
  /** Each request's route as observe() worked it out, for the handler below. */
  const routes = new WeakMap();

  /** Request id, request log and metrics for one request, whoever answers it. */
  const observe = (req, res) => {
    const started = process.hrtime.bigint();
    const id = requestIdFrom(req.headers["x-request-id"]) ?? crypto.randomUUID();
    req.headers["x-request-id"] = id;
    res.setHeader("X-Request-Id", id);
    if (lifecycle().isDraining) res.setHeader("Connection", "close");
    inFlight += 1;
    metrics.inFlight.inc();
    const route = routeOf(req.url);
    routes.set(req, route);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      metrics.inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Unknown paths share one label, so scanners cannot grow the metrics without bound.
      const label = res.statusCode === 404 ? "unmatched" : route;
      metrics.requests.inc({ method: req.method, route: label, status: res.statusCode });
      metrics.duration.observe({ method: req.method, route: label }, seconds);
      log.info({ reqId: id, method: req.method, route, status: res.statusCode, durationMs: Math.round(seconds * 10000) / 10, aborted: !res.writableFinished || undefined }, "request");
      if (inFlight === 0) onIdle();
    };
    res.on("finish", finish);
    res.on("close", finish);
  };

  const server = http.createServer((req, res) => {
    if (routes.get(req) === "/api/metrics" && metricsToken) {
      if (!tokenMatches(req.headers.authorization, metricsToken)) {
        res.writeHead(401, { "Content-Type": "application/json", "WWW-Authenticate": "Bearer" });
        res.end(JSON.stringify({ error: { code: "unauthorized", message: "A valid metrics token is required." } }));
        return;
      }
      metrics.registry.metrics().then(
        (body) => {
          res.writeHead(200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" });
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    // Without METRICS_TOKEN, /api/metrics falls through to Next, which answers 404.
    // Pages take turns; API routes and assets are answered at once (decision record 029).
    if (isPageRequest(req.method, req.url)) pageTurns.take(res, () => handle(req, res));
    else handle(req, res);
  });
  // The request log sits outside everything that answers in this process, including the
  // request guards the app installs on http.Server.prototype.emit from instrumentation.ts
  // (socket address header, TRACE refused): those are looked up at each request.
  server.emit = function emitObserved(event, ...args) {
    if (event === "request") observe(args[0], args[1]);
    return http.Server.prototype.emit.call(this, event, ...args);
  };
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight }, "shutting down: readiness fails, no new connections");
    lifecycle().isDraining = true;
    server.close();
    server.closeIdleConnections();
    const idle = new Promise((resolve) => {
      onIdle = resolve;
      if (inFlight === 0) resolve();
    });
    const timedOut = await Promise.race([idle.then(() => false), new Promise((resolve) => setTimeout(resolve, shutdownTimeoutMs, true).unref())]);
    if (timedOut) log.warn({ inFlight }, "shutdown: requests still in flight after the time limit are cut off");
    server.closeAllConnections();
    await lifecycle()
      .close?.()
      .catch((error) => log.warn({ err: error?.message }, "shutdown: closing connections failed"));
    log.info("shut down");
    await new Promise((resolve) => destination.flush(resolve));
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));

  // One request on a private port before the public one opens: Next loads instrumentation.ts
  // (configuration check, database) on its first request, and that must not be a client's.
  await listen(server, 0, "127.0.0.1");
  await warmUp(server.address().port);
  await new Promise((resolve) => server.close(resolve));
  await listen(server, port, hostname);
  log.info({ port, hostname: hostname ?? "all interfaces" }, "serving");
  return server;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  process.env.NODE_ENV = "production";
  serve().catch((error) => {
    console.error(`[ladder] cannot start: ${error?.message ?? error}`);
    process.exit(1);
  });
}
