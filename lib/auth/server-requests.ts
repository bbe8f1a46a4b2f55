import "server-only";
import crypto from "node:crypto";
import http from "node:http";
import { isHttpsRequest, SOCKET_ADDRESS_FLAG, SOCKET_ADDRESS_HEADER } from "@/lib/auth/request-info";
import { getEnv } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, HSTS_VALUE } from "@/lib/security-headers";

// What the server process does with each request before Next.js sees it (installed once
// from instrumentation.ts):
// - writes the socket address into SOCKET_ADDRESS_HEADER, replacing any copy the client sent.
//   Route handlers cannot see the socket, and Next.js keeps a client's own X-Forwarded-For;
//   the flag tells lib/auth/request-info.ts that the header can be trusted.
// - answers TRACE and TRACK with a JSON 405: Next.js cannot build a fetch Request for them and
//   would answer 500.
// - answers a path whose percent-encoding does not decode (`%ZZ`, `%C0%AE`) with a JSON 400:
//   Next.js would answer 500.
// - sets HSTS on every response under https, API and static files included (decision record
//   013).
// - gives every page request a fresh script nonce: a strict CSP on the response, and the same
//   CSP in the request's own Content-Security-Policy header, where Next.js reads the nonce for
//   its scripts. API routes and hashed build assets get none (their static CSP, where they
//   need one, is in next.config.js). This was Next.js's proxy until record 027: the proxy
//   cost a page request about a fifth of its CPU for two headers.
// - gives the empty 405 Next.js sends for a method an /api route does not export a body in
//   the API's error shape.

const REFUSED_METHODS = new Set(["TRACE", "TRACK"]);
const INSTALLED = Symbol.for("ladder.requestGuards");

const METHOD_NOT_ALLOWED = JSON.stringify({ error: { code: "method_not_allowed", message: "This method is not supported." } });
const MALFORMED_PATH = JSON.stringify({ error: { code: "invalid_input", message: "The address is not valid." } });

/** What the guard's own refusals carry besides their status: Next.js's headers never reach them. */
const REFUSAL_HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

function refuse(response: http.ServerResponse, status: 400 | 405, body: string): void {
  response.writeHead(status, status === 405 ? { ...REFUSAL_HEADERS, Allow: "GET, HEAD, POST, PUT, PATCH, DELETE" } : REFUSAL_HEADERS);
  response.end(body);
}

function hasMalformedPath(url: string): boolean {
  const query = url.indexOf("?");
  try {
    decodeURIComponent(query === -1 ? url : url.slice(0, query));
    return false;
  } catch {
    return true;
  }
}

export type GuardSettings = { trustProxy: boolean; publicUrl?: string | undefined; isDevelopment?: boolean };

/**
 * Paths that render no HTML: route handlers under /api/, hashed build assets and the icon.
 * Everything else may answer with a page (a 404 page included) and gets a nonce.
 */
const NO_NONCE_PREFIXES = ["/api/", "/_next/static/", "/_next/image", "/favicon.ico"];

export function isPagePath(url: string): boolean {
  return !NO_NONCE_PREFIXES.some((prefix) => url.startsWith(prefix));
}

function setPageNonce(request: http.IncomingMessage, response: http.ServerResponse, isDevelopment: boolean, https: boolean): void {
  const nonce = crypto.randomBytes(16).toString("base64");
  const csp = contentSecurityPolicy({ nonce, isDevelopment, isHttps: https });
  // Replaces any copy the client sent: Next.js takes its scripts' nonce from this header.
  request.headers["content-security-policy"] = csp;
  delete request.headers["content-security-policy-report-only"];
  response.setHeader("Content-Security-Policy", csp);
}

function isHttps(request: http.IncomingMessage, settings: GuardSettings): boolean {
  if ((request.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
  const headers = { get: (name: string) => [request.headers[name]].flat()[0] ?? null };
  return isHttpsRequest({ url: request.url ?? "/", headers }, settings);
}

/** An empty-bodied 405 on an /api path leaves with the JSON error body instead. */
function explainMethodNotAllowed(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (!request.url?.startsWith("/api/") || request.method === "HEAD") return;
  const { flushHeaders, write, end } = response;
  // Next.js sends the headers through writeHead or flushHeaders, then streams the body.
  let wroteBody = false;
  const isBodyless405 = () => response.statusCode === 405 && !wroteBody;
  const asJson = () => {
    if (response.headersSent) return;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("Cache-Control", "no-store");
    response.removeHeader("Content-Length");
  };
  const { writeHead } = response;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 405 && !wroteBody) asJson();
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(response, status, ...rest);
  }) as typeof writeHead;
  response.flushHeaders = () => {
    if (isBodyless405()) asJson();
    flushHeaders.call(response);
  };
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    const length = typeof chunk === "string" || chunk instanceof Uint8Array ? chunk.length : 0;
    if (length > 0) wroteBody = true;
    return (write as (...args: unknown[]) => boolean).call(response, chunk, ...rest);
  }) as typeof write;
  response.end = ((...args: unknown[]) => {
    const [chunk] = args;
    const hasBody = (typeof chunk === "string" || chunk instanceof Uint8Array) && chunk.length > 0;
    if (isBodyless405() && !hasBody) {
      asJson();
      return end.call(response, METHOD_NOT_ALLOWED, "utf8", undefined);
    }
    return (end as (...args: unknown[]) => http.ServerResponse).apply(response, args);
  }) as typeof end;
}

/**
 * The guard for one request: true when it answered the request itself (Next.js must not see
 * it). Exported for tests that run it in a server of their own with chosen settings.
 */
export function guardRequest(request: http.IncomingMessage, response: http.ServerResponse, settings: GuardSettings): boolean {
  const https = isHttps(request, settings);
  if (https) response.setHeader("Strict-Transport-Security", HSTS_VALUE);
  if (REFUSED_METHODS.has(request.method ?? "")) {
    refuse(response, 405, METHOD_NOT_ALLOWED);
    return true;
  }
  if (hasMalformedPath(request.url ?? "/")) {
    refuse(response, 400, MALFORMED_PATH);
    return true;
  }
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
  if (isPagePath(request.url ?? "/")) setPageNonce(request, response, settings.isDevelopment === true, https);
  explainMethodNotAllowed(request, response);
  return false;
}

export function installRequestGuards(): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[INSTALLED] === true) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitGuarded(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const env = getEnv();
      const settings = { trustProxy: env.TRUST_PROXY, publicUrl: env.NEXTAUTH_URL, isDevelopment: env.NODE_ENV === "development" };
      if (guardRequest(request, response, settings)) return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  flags[INSTALLED] = true;
  flags[SOCKET_ADDRESS_FLAG] = true;
}
