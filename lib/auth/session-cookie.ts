import "server-only";
import { parseCookie, stringifySetCookie } from "cookie";

// The cookie that carries the session token (lib/auth/session-token.ts): httpOnly,
// SameSite=Lax, Path=/, and under https Secure with the __Host- prefix, which browsers accept
// only from a secure origin, without Domain and for the whole site, so neither a sibling
// subdomain nor a plain-http page can set or shadow it.

export const SESSION_COOKIE_NAME = "next-auth.session-token";
export const SECURE_SESSION_COOKIE_NAME = "__Host-next-auth.session-token";
/** The https name used before the __Host- prefix; still read and cleared so no one is signed out by the change. */
const LEGACY_SECURE_SESSION_COOKIE_NAME = "__Secure-next-auth.session-token";

export function sessionCookieName(isSecure: boolean): string {
  return isSecure ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME;
}

export function sessionCookieOptions(isSecure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: isSecure };
}

/** Cookie values by name from a request's Cookie header (the first of a repeated name wins). */
export function requestCookies(request: Request): Map<string, string> {
  const parsed = parseCookie(request.headers.get("cookie") ?? "");
  return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The session token from a cookie lookup; the https cookie wins when both are present. */
export function pickSessionToken(getCookie: (name: string) => string | undefined): string | undefined {
  return getCookie(SECURE_SESSION_COOKIE_NAME) || getCookie(LEGACY_SECURE_SESSION_COOKIE_NAME) || getCookie(SESSION_COOKIE_NAME) || undefined;
}

/** The session token a request carries, if any. */
export function requestSessionToken(request: Request): string | undefined {
  const jar = requestCookies(request);
  return pickSessionToken((name) => jar.get(name));
}

export function serializeSessionCookie(token: string, expiresAt: Date, isSecure: boolean): string {
  return stringifySetCookie(sessionCookieName(isSecure), token, { ...sessionCookieOptions(isSecure), expires: expiresAt });
}

/** Set-Cookie values that remove the session cookie under every name it may have, so none outlives a sign-out. */
export function clearSessionCookies(isSecure: boolean): string[] {
  const names = isSecure ? [SECURE_SESSION_COOKIE_NAME, LEGACY_SECURE_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME] : [SESSION_COOKIE_NAME];
  return names.map((name) =>
    stringifySetCookie(name, "", { ...sessionCookieOptions(name !== SESSION_COOKIE_NAME), maxAge: 0, expires: new Date(0) }),
  );
}
