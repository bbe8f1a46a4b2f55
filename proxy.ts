import crypto from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { isSecureRequest } from "@/lib/auth/request-info";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { SHARE_HEADERS } from "@/lib/share/headers";

// Pages only: a CSP with a fresh script nonce (so every page renders dynamically). API routes
// need no nonce and get a static CSP from next.config.js; HSTS and the 400 for a path that does
// not decode come from the server's request guard for every path (lib/auth/server-requests.ts).
// Running the proxy on API routes cost CPU on every call and made Next.js buffer every request
// body to clone it (decision record 013).
// This is not an authentication check: pages and route handlers check the session
// themselves where they read data (see lib/auth/session.ts).
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = crypto.randomBytes(16).toString("base64");
  const isHttps = isSecureRequest(request);
  const csp = contentSecurityPolicy({ nonce, isDevelopment: env.NODE_ENV === "development", isHttps });

  // Next.js takes the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (request.nextUrl.pathname.startsWith("/share/")) {
    for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages only. Hashed build assets carry the static headers from next.config.js; a CSP has
  // no effect on them. API responses get their static CSP from next.config.js.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
