import "server-only";
import crypto from "node:crypto";

// Secret tokens that travel in URLs (share links, mentor invitations, mailed links): 32 random
// bytes as base64url; only the SHA-256 is stored, so a database dump opens nothing.

export type SecretToken = { token: string; hash: string };

export function createSecretToken(): SecretToken {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token's shape (43 base64url characters), checked before any lookup. */
export function isSecretTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Constant-time comparison of two hex hashes, for the row a lookup by hash returned. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
