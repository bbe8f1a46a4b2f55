import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import { isHttpsRequest } from "@/lib/auth/request-info";
import { getAuthSecret, getEnv } from "@/lib/env";

// The session cookie: next-auth's encrypted JWT (JWE, A256GCM), httpOnly, SameSite=Lax, and
// Secure with the __Secure- prefix under https. It carries only ids; whether the session is
// still valid is decided in the database on every use (lib/auth/session.ts).

export const SESSION_COOKIE_NAME = "next-auth.session-token";
export const SECURE_SESSION_COOKIE_NAME = "__Secure-next-auth.session-token";

export function sessionCookieName(isSecure: boolean): string {
  return isSecure ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME;
}

export function sessionCookieOptions(isSecure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: isSecure };
}

/** Absolute session lifetime in seconds (SESSION_MAX_AGE_DAYS, at most 7 days). */
export function sessionMaxAgeSeconds(): number {
  return Math.floor(getEnv().SESSION_MAX_AGE_DAYS * 24 * 60 * 60);
}

/** What the token says: whose session (`sub`), which LoginSession row (`sid`), at which session version (`sv`). */
export type SessionClaims = { sub: string; sid: string; sv: number };

export function toSessionClaims(payload: unknown): SessionClaims | null {
  if (!payload || typeof payload !== "object") return null;
  const { sub, sid, sv } = payload as Record<string, unknown>;
  if (typeof sub !== "string" || typeof sid !== "string" || typeof sv !== "number") return null;
  return { sub, sid, sv };
}

export function encodeSessionToken(claims: SessionClaims): Promise<string> {
  return encode({ token: claims, secret: getAuthSecret(), maxAge: sessionMaxAgeSeconds() });
}

const encryptionKeys = new Map<string, Uint8Array>();

/**
 * The key next-auth 4 derives from the secret for its JWE tokens (HKDF-SHA256, empty salt,
 * this info string, 32 bytes: next-auth/jwt getDerivedEncryptionKey), derived once per
 * secret. next-auth's decode() derives it again for every token, which cost more than the
 * rest of the session check (npm run bench, docs/benchmarks.md).
 */
function encryptionKey(secret: string): Uint8Array {
  let key = encryptionKeys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    encryptionKeys.set(secret, key);
  }
  return key;
}

/** The claims of a session token, checked exactly as next-auth's decode() checks them (jose, 15 s clock tolerance). */
export async function decodeSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(getAuthSecret()), { clockTolerance: 15 });
    return toSessionClaims(payload);
  } catch {
    // Tampered, expired or signed with another secret: simply not signed in.
    return null;
  }
}

/** The session token from a cookie lookup; the __Secure- cookie wins when both are present. */
export function pickSessionToken(getCookie: (name: string) => string | undefined): string | undefined {
  return getCookie(SECURE_SESSION_COOKIE_NAME) || getCookie(SESSION_COOKIE_NAME) || undefined;
}

type CookieOptions = { httpOnly: boolean; sameSite: "lax"; path: string; secure: boolean; expires?: Date; maxAge?: number };

function serialize(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`];
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  parts.push("SameSite=Lax");
  return parts.join("; ");
}

/** Cookie values by name from a Cookie request header. */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (cookies.has(name)) continue;
    const raw = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

export function serializeSessionCookie(token: string, expiresAt: Date, isSecure: boolean): string {
  return serialize(sessionCookieName(isSecure), token, { ...sessionCookieOptions(isSecure), expires: expiresAt });
}

/** Set-Cookie values that remove the session cookie (both names, so none outlives a sign-out). */
export function clearSessionCookies(isSecure: boolean): string[] {
  const names = isSecure ? [SECURE_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME] : [SESSION_COOKIE_NAME];
  return names.map((name) => serialize(name, "", { ...sessionCookieOptions(name === SECURE_SESSION_COOKIE_NAME), maxAge: 0, expires: new Date(0) }));
}

/** Whether this request came over https (then cookies are Secure and __Secure- prefixed). */
export function isSecureRequest(request: Request): boolean {
  const env = getEnv();
  return isHttpsRequest(request, { trustProxy: env.TRUST_PROXY, publicUrl: env.NEXTAUTH_URL });
}
