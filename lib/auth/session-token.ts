import "server-only";
import { hkdfSync, webcrypto } from "node:crypto";
import { jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import { getAuthSecret, getEnv } from "@/lib/env";

// The session token: next-auth's encrypted JWT (JWE, A256GCM). It carries only ids; whether
// the session is still valid is decided in the database on every use (lib/auth/session.ts).
// Which cookie carries it is lib/auth/session-cookie.ts.

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

const encryptionKeys = new Map<string, Promise<CryptoKey>>();

/**
 * The key next-auth 4 derives from the secret for its JWE tokens (HKDF-SHA256, empty salt,
 * this info string, 32 bytes: next-auth/jwt getDerivedEncryptionKey), derived once per
 * secret. next-auth's decode() derives it again for every token, which cost more than the
 * rest of the session check (npm run bench, docs/benchmarks.md). Imported once as a
 * CryptoKey: given raw bytes, jose imports them anew for every token.
 */
function encryptionKey(secret: string): Promise<CryptoKey> {
  let key = encryptionKeys.get(secret);
  if (!key) {
    const raw = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    key = webcrypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
    encryptionKeys.set(secret, key);
  }
  return key;
}

/** Tokens already decrypted, with the times that bound their validity (epoch seconds). */
type DecodedToken = { claims: SessionClaims; exp: number; nbf: number | undefined };

/** Clock tolerance of the token's time checks, in seconds, as next-auth's decode() allows. */
const CLOCK_TOLERANCE_S = 15;

/**
 * How many decrypted tokens the process keeps. A signed-in person sends the same cookie with
 * every request, and decrypting it (AES-GCM through WebCrypto's thread pool, and JSON) was
 * about a twentieth of an API call's CPU (decision record 024). About 0.5 kB each.
 */
export const DECODED_TOKEN_CACHE_SIZE = 5_000;

// One per process (a server build holds several copies of this module), so the bound holds.
const holder = globalThis as typeof globalThis & { __ladderDecodedTokens?: { tokens: Map<string, DecodedToken>; secret?: string } };
holder.__ladderDecodedTokens ??= { tokens: new Map() };
const decoded = holder.__ladderDecodedTokens;
const decodedTokens = decoded.tokens;

function isWithinTimes(decoded: DecodedToken, nowS: number): boolean {
  if (decoded.nbf !== undefined && decoded.nbf > nowS + CLOCK_TOLERANCE_S) return false;
  return decoded.exp > nowS - CLOCK_TOLERANCE_S;
}

/**
 * The claims of a session token, checked exactly as next-auth's decode() checks them (jose,
 * 15 s clock tolerance). A token that decrypted before is not decrypted again: the result
 * depends only on the token, the secret and the time, and the time checks (exp, nbf) run
 * again on every use. Whether the session is still open is not cached here; that is read
 * from the database on every request (lib/auth/session.ts). Only tokens that decrypted are
 * kept, so made-up cookies cannot fill the cache.
 */
export async function decodeSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  const secret = getAuthSecret();
  if (decoded.secret !== secret) {
    decodedTokens.clear();
    decoded.secret = secret;
  }
  const nowS = Math.floor(Date.now() / 1000);
  const known = decodedTokens.get(token);
  if (known) {
    if (isWithinTimes(known, nowS)) return known.claims;
    decodedTokens.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtDecrypt(token, await encryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
    const claims = toSessionClaims(payload);
    if (claims && typeof payload.exp === "number") {
      if (decodedTokens.size >= DECODED_TOKEN_CACHE_SIZE) {
        // The oldest entry goes first (a Map keeps insertion order).
        const oldest = decodedTokens.keys().next().value;
        if (oldest !== undefined) decodedTokens.delete(oldest);
      }
      decodedTokens.set(token, { claims, exp: payload.exp, nbf: typeof payload.nbf === "number" ? payload.nbf : undefined });
    }
    return claims;
  } catch {
    // Tampered, expired or signed with another secret: simply not signed in.
    return null;
  }
}
