// The security headers that are not the same for every response, both set by the server's
// request guard (lib/auth/server-requests.ts): the pages' CSP (it carries a fresh nonce) and
// HSTS (only under https, every path). Headers that never vary, and the API's static CSP, are
// in next.config.js `headers()`. Decision records 013 and 027.

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * JSON needs no scripts, styles or frames: nothing may load, nothing may frame it. The value
 * next.config.js sends on /api/ (kept equal by tests/unit/security-headers.test.ts).
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * A strict, nonce-based CSP (web.dev "strict CSP"): scripts run only when they carry this
 * response's nonce or were loaded by one that does. Next.js reads the nonce from this header
 * and puts it on its own scripts. React needs eval only in development, for error overlays.
 * Styles stay 'unsafe-inline': Next.js and Tailwind inject style attributes without nonces,
 * and a style cannot run code.
 */
export function contentSecurityPolicy(options: { nonce: string; isDevelopment: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
