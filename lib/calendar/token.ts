import "server-only";
import { getDb } from "@/lib/db";
import { createSecretToken, hashSecretToken, isSecretTokenShape, sameHash } from "@/lib/tokens";

// The calendar link's secret travels in the URL only; the database keeps its SHA-256 (lib/tokens).

/** Makes a new link for this person; any earlier link stops working at once. */
export async function createCalendarToken(userId: string): Promise<string> {
  const { token, hash: tokenHash } = createSecretToken();
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
  if (!isSecretTokenShape(token)) return null;
  const wanted = hashSecretToken(token);
  const row = await getDb().calendarFeed.findUnique({ where: { tokenHash: wanted }, select: { userId: true, tokenHash: true } });
  // The lookup is by index; the compare that decides is constant-time.
  if (!row || !sameHash(row.tokenHash, wanted)) return null;
  return row.userId;
}
