// What a request says about its client. Pure, so the proxy and route handlers share it.

type HeaderSource = { get(name: string): string | null };

/**
 * The client address used for per-IP limits: the right-most X-Forwarded-For entry, which is
 * the one the nearest hop wrote. Behind one reverse proxy that appends to the header
 * (TRUST_PROXY=true) that is the address the proxy saw, which a client cannot forge. Facing
 * clients directly, `next start` writes the socket address there, but only when the request
 * carries no X-Forwarded-For of its own, so a client that sends one picks its own per-IP
 * bucket (the per-email limit still applies). README "Security" says to run behind a proxy.
 */
export function clientIp(headers: HeaderSource): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return normaliseIp(last ?? headers.get("x-real-ip") ?? "unknown");
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
  try {
    return new URL(request.url).protocol === "https:";
  } catch {
    return false;
  }
}
