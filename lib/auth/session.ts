import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { pickSessionToken, requestSessionToken } from "@/lib/auth/session-cookie";
import { decodeSessionToken, type SessionClaims } from "@/lib/auth/session-token";
import { readRows, sql } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Who is signed in. The check runs where data is read (route handlers and pages call these,
// and every lib/<domain> function takes the resulting user id); the request guard only adds headers.

export type SessionUser = { id: string; email: string; name: string | null; trackId: string | null };
export type ActiveSession = { user: SessionUser; sessionId: string; expiresAt: Date };

type SessionRow = {
  userId: string;
  expiresAt: Date | string | number;
  revokedAt: Date | string | number | null;
  email: string;
  name: string | null;
  trackId: string | null;
  sessionVersion: number | bigint;
};

/**
 * One SQL query: the LoginSession row joined with its user (Prisma would load the relation
 * in a second query, and every signed-in request pays for this one, so it takes the fast
 * read path of lib/db.ts). Valid only if the row is open, unexpired, belongs to the token's
 * user and was issued at the user's current session version. Quoted identifiers and a bound
 * parameter: the same SQL on SQLite and PostgreSQL.
 */
export async function findActiveSession(claims: SessionClaims): Promise<ActiveSession | null> {
  const rows = await readRows<SessionRow>(sql`
    SELECT s."userId", s."expiresAt", s."revokedAt", u."email", u."name", u."trackId", u."sessionVersion"
    FROM "LoginSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${claims.sid}`);
  const row = rows[0];
  if (!row || row.revokedAt !== null) return null;
  const expiresAt = new Date(row.expiresAt);
  if (!(expiresAt.getTime() > Date.now())) return null;
  if (row.userId !== claims.sub || Number(row.sessionVersion) !== claims.sv) return null;
  return {
    user: { id: row.userId, email: row.email, name: row.name, trackId: row.trackId },
    sessionId: claims.sid,
    expiresAt,
  };
}

async function sessionFromToken(token: string | undefined): Promise<ActiveSession | null> {
  const claims = await decodeSessionToken(token);
  return claims ? findActiveSession(claims) : null;
}

// Per server render: the layout and the page share one lookup.
const sessionFromRequestCookies = cache(async (): Promise<ActiveSession | null> => {
  const store = await cookies();
  return sessionFromToken(pickSessionToken((name) => store.get(name)?.value));
});

/** The active session of a route handler's request, or of the page being rendered when no request is given. */
export async function getActiveSession(request?: Request): Promise<ActiveSession | null> {
  if (!request) return sessionFromRequestCookies();
  return sessionFromToken(requestSessionToken(request));
}

export async function getSessionUser(request?: Request): Promise<SessionUser | null> {
  return (await getActiveSession(request))?.user ?? null;
}

/** For route handlers: the signed-in user, or a 401 JSON error. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `callbackPath`. */
export async function requirePageUser(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
