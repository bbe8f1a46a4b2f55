import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The origin links point to: NEXTAUTH_URL when set (behind a proxy), else the request's own
 * host. Pass a route handler's request, or a page's headers().
 */
export function publicOrigin(source: Request | Headers): string {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  if (source instanceof Request) return new URL(source.url).origin;
  const host = source.get("host") ?? "localhost";
  return `${source.get("x-forwarded-proto") === "https" ? "https" : "http"}://${host}`;
}
