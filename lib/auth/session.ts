import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { decodeSessionToken, parseCookieHeader, pickSessionToken, type SessionClaims } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Who is signed in. The check runs where data is read (route handlers and pages call these,
// and every lib/<domain> function takes the resulting user id); the proxy only adds headers.

export type SessionUser = { id: string; email: string; name: string | null; trackId: string | null };
export type ActiveSession = { user: SessionUser; sessionId: string; expiresAt: Date };

/** One query: the LoginSession row with its user. Valid only if open, unexpired and of the current session version. */
export async function findActiveSession(claims: SessionClaims): Promise<ActiveSession | null> {
  const row = await getDb().loginSession.findUnique({
    where: { id: claims.sid },
    select: {
      userId: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, trackId: true, sessionVersion: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (row.userId !== claims.sub || row.user.sessionVersion !== claims.sv) return null;
  const { sessionVersion: _version, ...user } = row.user;
  return { user, sessionId: claims.sid, expiresAt: row.expiresAt };
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
  const jar = parseCookieHeader(request.headers.get("cookie"));
  return sessionFromToken(pickSessionToken((name) => jar.get(name)));
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
