import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { pickSessionToken, requestSessionToken } from "@/lib/auth/session-cookie";
import { decodeSessionToken, type SessionClaims } from "@/lib/auth/session-token";
import { readRows, type SqlQuery, sql, type TaggedRow } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Who is signed in. The check runs where data is read (route handlers and pages call these,
// and every lib/<domain> function takes the resulting user id); the request guard only adds headers.

export type SessionUser = { id: string; email: string; name: string | null; trackId: string | null };
export type ActiveSession = { user: SessionUser; sessionId: string; expiresAt: Date };

/**
 * The session row joined with its user, as a tagged row (lib/db.ts): `id` the user, `a`-`d`
 * their email, name, track and session version, `e` "revoked" once the session was ended,
 * `at` its expiry. One SQL query (Prisma would load the relation in a second query, and every
 * signed-in request pays for this one, so it takes the fast read path of lib/db.ts); a route
 * that reads the person's rows reads this in the same statement (requireUserReading). Quoted
 * identifiers and bound parameters: the same SQL on SQLite and PostgreSQL.
 */
function sessionRowQuery(sessionId: string): SqlQuery {
  return sql`
    SELECT 'session' AS "source", s."userId" AS "id", u."email" AS "a", u."name" AS "b", u."trackId" AS "c", CAST(u."sessionVersion" AS TEXT) AS "d",
      CASE WHEN s."revokedAt" IS NULL THEN NULL ELSE 'revoked' END AS "e", NULL AS "f", s."expiresAt" AS "at", NULL AS "version"
    FROM "LoginSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
}

/**
 * Valid only if the row is open, unexpired, belongs to the token's user and was issued at the
 * user's current session version.
 */
function toActiveSession(claims: SessionClaims, row: TaggedRow | undefined): ActiveSession | null {
  if (!row || row.e !== null || row.at === null) return null;
  const expiresAt = new Date(row.at);
  if (!(expiresAt.getTime() > Date.now())) return null;
  if (row.id !== claims.sub || Number(row.d) !== claims.sv) return null;
  return {
    user: { id: row.id, email: row.a ?? "", name: row.b, trackId: row.c },
    sessionId: claims.sid,
    expiresAt,
  };
}

/**
 * The session the token names, checked in the database, and with `also` the token's person's
 * rows (`also(userId)`: a tagged SELECT scoped to that user) in the same statement. The rows
 * are given only with a valid session; without one they are dropped here, never returned.
 */
async function findActiveSessionWith(claims: SessionClaims, also?: (userId: string) => SqlQuery): Promise<{ session: ActiveSession | null; rows: TaggedRow[] }> {
  const sessionQuery = sessionRowQuery(claims.sid);
  const read = await readRows<TaggedRow>(also ? sql`${sessionQuery}
    UNION ALL
    ${also(claims.sub)}` : sessionQuery);
  const session = toActiveSession(
    claims,
    read.find((row) => row.source === "session"),
  );
  return session ? { session, rows: read.filter((row) => row.source !== "session") } : { session: null, rows: [] };
}

export async function findActiveSession(claims: SessionClaims): Promise<ActiveSession | null> {
  return (await findActiveSessionWith(claims)).session;
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

/** The 401 of every route handler that needs a signed-in person. */
function signInRequired(): AppError {
  return new AppError("unauthorized", "Sign in to continue.");
}

/** For route handlers: the signed-in user, or a 401 JSON error. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw signInRequired();
  return user;
}

/**
 * For route handlers that show the person's own rows: the signed-in user and those rows
 * (`read(userId)`: a tagged SELECT of that user's rows), the session check and the read in
 * one statement instead of two; a 401 JSON error, and no rows, without a valid session.
 */
export async function requireUserReading(request: Request, read: (userId: string) => SqlQuery): Promise<{ user: SessionUser; rows: TaggedRow[] }> {
  const claims = await decodeSessionToken(requestSessionToken(request));
  const { session, rows } = claims ? await findActiveSessionWith(claims, read) : { session: null, rows: [] };
  if (!session) throw signInRequired();
  return { user: session.user, rows };
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `callbackPath`. */
export async function requirePageUser(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
