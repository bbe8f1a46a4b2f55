import "server-only";
import { getEnv } from "@/lib/env";

/** The origin links in answers point to: NEXTAUTH_URL when set (behind a proxy), else the request's own. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}
