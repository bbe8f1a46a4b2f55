import "server-only";
import { getEnv } from "@/lib/env";

const FALLBACK_ORIGIN = "http://localhost:3000";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The public address links in mails start with: NEXTAUTH_URL, else the origin the request came
 * to. The Host header is the client's to choose, so without NEXTAUTH_URL it is trusted only on
 * loopback (a fresh clone): anywhere else a forged Host would put a reset token in a link to
 * another site ("password reset poisoning").
 */
export function appOrigin(request?: Request): string {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  if (request) {
    const url = new URL(request.url);
    const host = request.headers.get("host") ?? url.host;
    const candidate = new URL(`${url.protocol}//${host}`);
    if (LOOPBACK.has(candidate.hostname)) return candidate.origin;
    console.warn("[ladder] NEXTAUTH_URL is not set: links in mails point to", FALLBACK_ORIGIN);
  }
  return FALLBACK_ORIGIN;
}

export function appLink(origin: string, pathname: string, params: Record<string, string> = {}): string {
  const url = new URL(pathname, origin);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
