import "server-only";
import crypto from "node:crypto";
import { type Db, getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Tokens in mailed links: 32 random bytes (base64url) in the link, only their SHA-256 stored,
// single use, with an expiry. A token is never logged.

export type EmailTokenPurpose = "password_reset" | "verify_email";

export type EmailTokenRow = { id: string; userId: string; email: string; tokenHash: string };

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Issues a token for the user and retires their earlier unused ones of the same purpose. */
export async function issueEmailToken(userId: string, purpose: EmailTokenPurpose, email: string, ttlMs: number, db: Db | Tx = getDb()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.emailToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await db.emailToken.create({ data: { userId, purpose, email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMs) } });
  return token;
}

function invalidLink(): AppError {
  return new AppError("invalid_input", "token: This link is used, expired or not valid. Ask for a new one.", { field: "token" });
}

/** The unused, unexpired token row for `token`, or a 400. Does not use it up. */
export async function findUsableEmailToken(purpose: EmailTokenPurpose, token: string, db: Db | Tx = getDb()): Promise<EmailTokenRow> {
  const tokenHash = hashToken(token);
  const row = await db.emailToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, email: true, tokenHash: true, purpose: true, usedAt: true, expiresAt: true } });
  const isMatch = row !== null && crypto.timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(tokenHash));
  if (!row || !isMatch || row.purpose !== purpose || row.usedAt !== null || row.expiresAt.getTime() <= Date.now()) throw invalidLink();
  return { id: row.id, userId: row.userId, email: row.email, tokenHash: row.tokenHash };
}

/** Marks the token used; of two requests racing with one token only one gets past this. */
export async function useEmailToken(row: EmailTokenRow, tx: Db | Tx): Promise<void> {
  const { count } = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  if (count !== 1) throw invalidLink();
}
