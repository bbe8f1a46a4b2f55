import "server-only";
import crypto from "node:crypto";
import { getDb } from "@/lib/db";

// The calendar link's secret: 32 random bytes, base64url, in the URL only. The database keeps
// its SHA-256, so a copy of the database cannot be turned back into working links.

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Makes a new link for this person; any earlier link stops working at once. */
export async function createCalendarToken(userId: string): Promise<string> {
  const token = crypto.randomBytes(TOKEN_BYTES).toString("base64url");
  const tokenHash = hashToken(token);
  await getDb().calendarFeed.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  return token;
}

/** Revokes this person's link; true when there was one. */
export async function revokeCalendarToken(userId: string): Promise<boolean> {
  const { count } = await getDb().calendarFeed.deleteMany({ where: { userId } });
  return count > 0;
}

export async function hasCalendarToken(userId: string): Promise<boolean> {
  return (await getDb().calendarFeed.count({ where: { userId } })) > 0;
}

/** The person a link belongs to, or null for an unknown, malformed or revoked token. */
export async function findCalendarOwner(token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const wanted = hashToken(token);
  const row = await getDb().calendarFeed.findUnique({ where: { tokenHash: wanted }, select: { userId: true, tokenHash: true } });
  // The lookup is by index; the compare that decides is constant-time.
  if (!row || !crypto.timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(wanted))) return null;
  return row.userId;
}
