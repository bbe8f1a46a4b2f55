// What a request says about its client, shared by the request guard and route handlers.
import { getEnv } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

/** Written from the request's socket by the server process (lib/auth/socket-address.ts). */
export const SOCKET_ADDRESS_HEADER = "x-ladder-socket-address";
export const SOCKET_ADDRESS_FLAG = Symbol.for("ladder.socketAddressHeader");

/** Whether this process overwrites SOCKET_ADDRESS_HEADER on every request, so a client cannot forge it. */
export function socketAddressHeaderIsTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[SOCKET_ADDRESS_FLAG] === true;
}

let warnedUnknown = false;

/**
 * The client address used for per-address limits.
 * - Without TRUST_PROXY: the socket address. Anything the client wrote (X-Forwarded-For,
 *   X-Real-IP) is ignored, so a client cannot pick its own bucket.
 * - With TRUST_PROXY (one reverse proxy in front that appends to X-Forwarded-For): the
 *   right-most X-Forwarded-For entry, the hop the proxy itself saw; entries to its left were
 *   written by the client. Without the header, the socket address.
 * Should the socket address be unknown (the header is not installed), every client shares one
 * bucket and a warning says so: stricter, never looser.
 */
export function clientIp(headers: HeaderSource, options: { trustProxy: boolean } = { trustProxy: getEnv().TRUST_PROXY }): string {
  const socket = socketAddressHeaderIsTrusted() ? headers.get(SOCKET_ADDRESS_HEADER)?.trim() || undefined : undefined;
  if (options.trustProxy) {
    const hop = headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .pop();
    if (hop) return normaliseIp(hop);
  }
  if (socket) return normaliseIp(socket);
  if (!warnedUnknown) {
    warnedUnknown = true;
    console.warn("[ladder] the client address is unknown: all clients share one rate-limit bucket");
  }
  return "unknown";
}

function normaliseIp(ip: string): string {
  const value = ip.toLowerCase().slice(0, 64);
  // IPv4 clients of a dual-stack socket show up as ::ffff:1.2.3.4.
  return value.startsWith("::ffff:") && value.includes(".") ? value.slice("::ffff:".length) : value;
}

/**
 * Whether the client reached the app over https: the public URL says so, the request URL
 * does, or a trusted reverse proxy terminated TLS and said so in X-Forwarded-Proto.
 */
export function isHttpsRequest(
  request: { url: string; headers: HeaderSource },
  options: { trustProxy: boolean; publicUrl?: string | undefined },
): boolean {
  if (options.publicUrl?.startsWith("https://")) return true;
  if (options.trustProxy) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    if (proto) return proto === "https";
  }
  // A Node request's URL is a path: not https, and parsing it would throw (an exception per
  // request, in the server's request guard: decision record 019).
  if (request.url.startsWith("/")) return false;
  try {
    return new URL(request.url).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * This app's origin as the client addressed it: scheme (isHttpsRequest) and the Host header.
 * X-Forwarded-Host is read only from a trusted proxy (TRUST_PROXY).
 */
export function requestOrigin(
  request: { url: string; headers: HeaderSource },
  options: { trustProxy: boolean; publicUrl?: string | undefined },
): string | null {
  const forwardedHost = options.trustProxy ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  let host = forwardedHost || request.headers.get("host");
  try {
    host ||= new URL(request.url).host;
    return new URL(`${isHttpsRequest(request, options) ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The one answer to "did this request come over https" (cookies are then Secure and __Host- prefixed). */
export function isSecureRequest(request: { url: string; headers: HeaderSource }): boolean {
  const env = getEnv();
  return isHttpsRequest(request, { trustProxy: env.TRUST_PROXY, publicUrl: env.NEXTAUTH_URL });
}
