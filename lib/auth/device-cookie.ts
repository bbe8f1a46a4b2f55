import "server-only";
import crypto from "node:crypto";
import { parseCookie, stringifySetCookie } from "cookie";
import { getAuthSecret } from "@/lib/env";

// OWASP "Slow Down Online Guessing Attacks with Device Cookies": a browser that has signed in
// as someone gets a signed cookie naming that person. Its sign-in attempts for that person
// are counted against the device, not against the person's email, so a stranger failing
// many times for that email (and so locking it) does not lock out the person's own browser.
// A device that fails too often itself loses that standing until its window ends.

const COOKIE_NAME = "ladder.device";
const SECURE_COOKIE_NAME = "__Host-ladder.device";
const LIFETIME_SECONDS = 180 * 24 * 60 * 60;

let key: Buffer | undefined;
function signingKey(): Buffer {
  key ??= Buffer.from(crypto.hkdfSync("sha256", getAuthSecret(), "", "Ladder device cookie", 32));
  return key;
}

/** Names the person without putting their address in the cookie. */
function personTag(email: string): string {
  return crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
}

function sign(payload: string): string {
  return crypto.createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

/** The Set-Cookie for a browser that has just signed in as `email`. */
export function issueDeviceCookie(email: string, isSecure: boolean): string {
  const payload = `${personTag(email)}.${crypto.randomBytes(16).toString("base64url")}.${Math.floor(Date.now() / 1000)}`;
  return stringifySetCookie(isSecure ? SECURE_COOKIE_NAME : COOKIE_NAME, `${payload}.${sign(payload)}`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecure,
    maxAge: LIFETIME_SECONDS,
  });
}

/**
 * The device id of a valid device cookie this request carries for `email`, or null: a cookie
 * for someone else, expired, or with a wrong signature does not count.
 */
export function deviceIdFor(request: Request, email: string): string | null {
  const jar = parseCookie(request.headers.get("cookie") ?? "");
  const value = jar[SECURE_COOKIE_NAME] ?? jar[COOKIE_NAME];
  const [tag, nonce, issuedAt, signature] = value?.split(".") ?? [];
  if (!tag || !nonce || !issuedAt || !signature) return null;
  const expected = Buffer.from(sign(`${tag}.${nonce}.${issuedAt}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (tag !== personTag(email)) return null;
  const age = Date.now() / 1000 - Number(issuedAt);
  if (!(age >= -60 && age < LIFETIME_SECONDS)) return null;
  return nonce;
}
