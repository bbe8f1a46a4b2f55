import "server-only";
import { type Db, getDb, type Tx } from "@/lib/db";
import { type SessionClaims, sessionMaxAgeSeconds } from "@/lib/auth/session-token";

// One LoginSession row per signed-in JWT. The row is what makes a session revocable: the JWT
// names it (`sid`), and a session is valid only while its row is neither revoked nor expired
// and the user's sessionVersion still equals the one the JWT was issued with.

export type StartedSession = { claims: SessionClaims; expiresAt: Date };

/** Opens a session for the user; the absolute lifetime starts now and is never extended. */
export async function startLoginSession(userId: string, userAgent?: string | null, db: Db | Tx = getDb()): Promise<StartedSession> {
  const now = Date.now();
  // Rows past their lifetime can never sign anyone in again (a missing row is refused too),
  // so each sign-in clears the user's old ones and the table stays small.
  await db.loginSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
  const expiresAt = new Date(now + sessionMaxAgeSeconds() * 1000);
  const row = await db.loginSession.create({
    data: { userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null },
    select: { id: true, expiresAt: true, user: { select: { sessionVersion: true } } },
  });
  return { claims: { sub: userId, sid: row.id, sv: row.user.sessionVersion }, expiresAt: row.expiresAt };
}

/** Ends one session for good: a copy of its cookie no longer signs anyone in. */
export async function revokeLoginSession(userId: string, sessionId: string): Promise<void> {
  await getDb().loginSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of the user that is still open; with `sessionVersion` bumped by the caller, also any issued concurrently. */
export async function revokeAllLoginSessions(userId: string, tx: Db | Tx): Promise<void> {
  await tx.loginSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
