import crypto from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { isSecureRequest } from "@/lib/auth/request-info";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, HSTS_VALUE } from "@/lib/security-headers";

// Per-request security headers: a CSP with a fresh script nonce (so every page renders
// dynamically) and HSTS under https. The static headers come from next.config.js.
// This is not an authentication check: pages and route handlers check the session
// themselves where they read data (see lib/auth/session.ts).
export function proxy(request: NextRequest) {
  const refusal = refuseMalformed(request);
  if (refusal) return refusal;
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
  if (isHttps) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  // Hashed build assets carry the static headers from next.config.js; a CSP has no effect on them.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

/**
 * A path whose percent-encoding does not decode (`%ZZ`, `%C0%AE`) would fail in Next.js with
 * a 500: answered here with a 400 in the API's error shape. (TRACE is refused earlier, in
 * lib/auth/server-requests.ts.)
 */
function refuseMalformed(request: NextRequest): Response | null {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return null;
  } catch {
    return Response.json(
      { error: { code: "invalid_input", message: "The address is not valid." } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
}
