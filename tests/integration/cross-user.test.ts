import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/mail/background";
import { authedRequest, createSignedInUser, randomIp, strongPassword } from "../helpers/auth";
import { dispatch, exportedMethods, findApiRoutes, matchRoute } from "../helpers/routes";

// One person must never read or change another's data through any API route. Person B, signed
// in, tries every user route aimed at person A's data (ids in paths, A's password in bodies);
// afterwards none of A's rows differ and no response mentions anything of A's.
//
// Adding an API route? Add it to USER_ROUTES (or, if it needs no sign-in, to PUBLIC_ROUTES):
// the last test fails for any route that is in neither.

type Victim = {
  id: string;
  email: string;
  password: string;
  name: string;
  customCertificationId: string;
  customCertificationTitle: string;
  /** The victim's mentor grant, pending invitation and a comment their mentor left them. */
  grantId: string;
  invitationId: string;
  commentId: string;
  /** The undo of the victim's last import. */
  importUndoId: string;
};

type RouteCase = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path to call, usually aimed at the victim's data. */
  path: (victim: Victim) => string;
  body?: (victim: Victim) => unknown;
};

const USER_ROUTES: RouteCase[] = [
  { method: "GET", path: () => "/api/account" },
  { method: "PATCH", path: () => "/api/account", body: () => ({ name: "Changed by someone else" }) },
  { method: "DELETE", path: () => "/api/account", body: (victim) => ({ password: victim.password }) },
  { method: "DELETE", path: () => "/api/account", body: (victim) => ({ confirmEmail: victim.email }) },
  { method: "PUT", path: () => "/api/account/password", body: (victim) => ({ currentPassword: victim.password, newPassword: strongPassword() }) },
  { method: "DELETE", path: () => "/api/account/sessions" },
  { method: "GET", path: () => "/api/progress" },
  { method: "PUT", path: (victim) => `/api/progress/${victim.customCertificationId}`, body: () => ({ status: "done" }) },
  { method: "PUT", path: () => "/api/progress/earn-bachelors-degree", body: () => ({ status: "done", note: "the intruder's own row" }) },
  { method: "GET", path: () => "/api/ladder" },
  { method: "GET", path: () => "/api/certifications" },
  { method: "POST", path: () => "/api/certifications", body: () => ({ title: "The intruder's own certification", issuer: "Issuer" }) },
  { method: "PATCH", path: (victim) => `/api/certifications/${victim.customCertificationId}`, body: () => ({ title: "Renamed by someone else" }) },
  { method: "DELETE", path: (victim) => `/api/certifications/${victim.customCertificationId}` },
  { method: "GET", path: () => "/api/export" },
  { method: "GET", path: () => "/api/export?format=csv" },
  {
    method: "POST",
    path: () => "/api/import",
    body: (victim) => ({
      format: "ladder-export",
      version: 1,
      exportedAt: new Date().toISOString(),
      user: { name: null, trackId: null },
      progress: [{ itemId: victim.customCertificationId, status: "done", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, updatedAt: null }],
      customCertifications: [],
      history: [],
    }),
  },
  { method: "PATCH", path: () => "/api/progress", body: (victim) => ({ itemIds: ["seek-mentoring", victim.customCertificationId], status: "done" }) },
  { method: "POST", path: () => "/api/import/undo", body: (victim) => ({ id: victim.importUndoId }) },
  { method: "PUT", path: () => "/api/track", body: () => ({ trackId: "research-mle" }) },
  { method: "GET", path: () => "/api/history" },
  { method: "GET", path: () => "/api/share" },
  { method: "POST", path: () => "/api/share", body: () => ({ showChecklist: true }) },
  { method: "PATCH", path: () => "/api/share", body: () => ({ showChecklist: true }) },
  { method: "DELETE", path: () => "/api/share" },
  { method: "GET", path: () => "/api/mentors" },
  { method: "POST", path: () => "/api/mentors", body: (victim) => ({ email: victim.email, access: "notes" }) },
  { method: "POST", path: () => "/api/mentors/accept", body: () => ({ token: "A".repeat(43) }) },
  { method: "PATCH", path: (victim) => `/api/mentors/${victim.grantId}`, body: () => ({ access: "notes" }) },
  { method: "DELETE", path: (victim) => `/api/mentors/${victim.grantId}` },
  { method: "DELETE", path: (victim) => `/api/mentors/${victim.invitationId}` },
  { method: "GET", path: () => "/api/mentees" },
  { method: "GET", path: (victim) => `/api/mentees/${victim.grantId}` },
  { method: "POST", path: (victim) => `/api/mentees/${victim.grantId}/comments`, body: () => ({ itemId: null, text: "A stranger's comment" }) },
  { method: "GET", path: () => "/api/comments" },
  { method: "DELETE", path: (victim) => `/api/comments/${victim.commentId}` },
  { method: "PUT", path: () => "/api/account/email", body: (victim) => ({ email: `${victim.id}@example.com`, password: victim.password }) },
  { method: "POST", path: () => "/api/account/email/confirmation" },
  { method: "GET", path: () => "/api/reminders" },
  { method: "PUT", path: () => "/api/reminders", body: () => ({ weeklyDigest: false, renewals: false, timeZone: "Asia/Tokyo" }) },
  { method: "POST", path: () => "/api/certifications/verify", body: (victim) => ({ credential: { credentialSubject: { id: `mailto:${victim.email}` } } }) },
  { method: "GET", path: () => "/api/credentials/position" },
  { method: "GET", path: () => "/api/plan" },
  { method: "PUT", path: () => "/api/plan", body: () => ({ targetRungId: "director-of-ml", targetDate: "2199-01-01" }) },
  { method: "GET", path: () => "/api/calendar" },
  { method: "POST", path: () => "/api/calendar" },
  { method: "DELETE", path: () => "/api/calendar" },
];

/** Routes that need no sign-in ("METHOD /pattern"). */
const PUBLIC_ROUTES = new Set([
  "GET /api/health",
  "GET /api/health/ready",
  "GET /api/catalog",
  "GET /api/bench/bare",
  "GET /api/bench/database",
  "POST /api/auth/register",
  "POST /api/auth/password-reset",
  "POST /api/auth/password-reset/confirm",
  "POST /api/auth/verify-email",
  "POST /api/unsubscribe",
  "POST /api/verify",
  "GET /api/auth/[...nextauth]",
  // The secret link is the credential; tests/integration/calendar.test.ts covers it.
  "GET /api/calendar/[token]",
  "POST /api/auth/[...nextauth]",
  // The catch-all answers every unknown /api path with a 404 and reads no data.
  ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => `${method} /api/[...path]`),
]);

async function createVictim(): Promise<Victim & { cookie: string }> {
  const name = `Victim ${crypto.randomUUID()}`;
  const { user, cookie, password } = await createSignedInUser({ name });
  const db = getDb();
  const customCertificationId = `custom-${crypto.randomUUID()}`;
  const customCertificationTitle = `Secret certification ${crypto.randomUUID()}`;
  await db.customCertification.create({ data: { id: customCertificationId, userId: user.id, title: customCertificationTitle, issuer: "Issuer" } });
  await db.progress.create({ data: { userId: user.id, itemId: customCertificationId, status: "in_progress", note: "private note", targetOn: "2199-06-01" } });
  await db.plan.create({ data: { userId: user.id, targetRungId: "mle", targetDate: "2199-01-01", revision: 1 } });
  await db.calendarFeed.create({ data: { userId: user.id, tokenHash: crypto.randomBytes(32).toString("hex") } });
  await db.progressEvent.create({ data: { userId: user.id, itemId: customCertificationId, toStatus: "in_progress", changes: "{}" } });
  // The victim shares a page, has a mentor who left a comment, and an open invitation.
  const mentor = await createSignedInUser();
  await db.shareLink.create({ data: { userId: user.id, tokenHash: crypto.randomBytes(32).toString("hex") } });
  const grant = await db.mentorGrant.create({ data: { userId: user.id, mentorId: mentor.user.id, access: "notes" } });
  const invitation = await db.mentorInvitation.create({
    data: { userId: user.id, email: "mentor@example.com", access: "summary", tokenHash: crypto.randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const comment = await db.mentorComment.create({ data: { userId: user.id, authorId: mentor.user.id, text: "A private note from the mentor" } });
  const importUndo = await db.importUndo.create({
    data: { id: `undo-${crypto.randomUUID()}`, userId: user.id, snapshot: JSON.stringify({ secret: "the victim's snapshot" }), expiresAt: new Date(Date.now() + 600_000) },
  });
  return {
    id: user.id,
    email: user.email,
    password,
    name,
    customCertificationId,
    customCertificationTitle,
    grantId: grant.id,
    invitationId: invitation.id,
    commentId: comment.id,
    importUndoId: importUndo.id,
    cookie,
  };
}

/** Everything stored about one person, to compare before and after. */
async function snapshot(userId: string): Promise<string> {
  const db = getDb();
  const where = { where: { userId }, orderBy: { id: "asc" as const } };
  return JSON.stringify({
    user: await db.user.findUnique({ where: { id: userId } }),
    progress: await db.progress.findMany(where),
    progressEvents: await db.progressEvent.findMany(where),
    customCertifications: await db.customCertification.findMany(where),
    loginSessions: await db.loginSession.findMany(where),
    accounts: await db.account.findMany(where),
    sessions: await db.session.findMany(where),
    shareLinks: await db.shareLink.findMany({ where: { userId } }),
    mentorGrants: await db.mentorGrant.findMany(where),
    mentorInvitations: await db.mentorInvitation.findMany(where),
    mentorComments: await db.mentorComment.findMany(where),
    emailTokens: await db.emailToken.findMany(where),
    reminderSettings: await db.reminderSettings.findUnique({ where: { userId } }),
    plan: await db.plan.findUnique({ where: { userId } }),
    calendarFeed: await db.calendarFeed.findUnique({ where: { userId } }),
    importUndos: await db.importUndo.findMany(where),
  });
}

function requestFor(routeCase: RouteCase, victim: Victim, cookie: string | null): Request {
  const body = routeCase.body?.(victim);
  return authedRequest(routeCase.path(victim), {
    method: routeCase.method,
    cookie,
    ip: randomIp(),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const SAMPLE_VICTIM: Victim = {
  id: "victim-id",
  email: "victim@example.com",
  password: "victim password",
  name: "Victim",
  customCertificationId: "custom-victim",
  customCertificationTitle: "Victim certification",
  grantId: "grant-victim",
  invitationId: "invitation-victim",
  commentId: "comment-victim",
  importUndoId: "undo-victim",
};

const pathOnly = (path: string) => path.split("?")[0] ?? path;

const label = (routeCase: RouteCase) => `${routeCase.method} ${routeCase.path(SAMPLE_VICTIM)}`;

describe("cross-user access", () => {
  const routes = findApiRoutes();
  let victim: Victim & { cookie: string };

  // One victim for all cases: each case checks that the victim's data is exactly as it was.
  // The intruder is new in every case, since some cases end the intruder's own session.
  beforeAll(async () => {
    victim = await createVictim();
    // Sign-up mails a confirmation link after answering; let that finish before comparing rows.
    await settleBackgroundWork();
  });

  it.each(USER_ROUTES.map((routeCase) => [label(routeCase), routeCase] as const))(
    "%s: another signed-in person can neither read nor change the victim's data",
    async (_label, routeCase) => {
      expect(matchRoute(routes, pathOnly(routeCase.path(victim))), "no API route serves this path").not.toBeNull();
      const intruder = await createSignedInUser();
      const before = await snapshot(victim.id);

      const response = await dispatch(routes, requestFor(routeCase, victim, intruder.cookie));
      const text = await response.text();
      // An id the intruder sent may be echoed back in an error ("no item custom-…"): that
      // tells them nothing they did not know. Everything else of the victim's must not appear.
      const sent = `${routeCase.path(victim)} ${JSON.stringify(routeCase.body?.(victim) ?? null)}`;
      const secrets = [victim.id, victim.email, victim.name, victim.customCertificationId, victim.customCertificationTitle, "private note"];
      for (const secret of secrets.filter((value) => !sent.includes(value))) {
        expect(text, `the response mentions the victim's ${secret}`).not.toContain(secret);
      }
      expect(await snapshot(victim.id)).toBe(before);
      const check = await dispatch(routes, authedRequest("/api/account", { cookie: victim.cookie }));
      expect(check.status, "the victim is still signed in").toBe(200);
    },
  );

  it.each(USER_ROUTES.map((routeCase) => [label(routeCase), routeCase] as const))(
    "%s answers 401 JSON without a session and changes nothing",
    async (_label, routeCase) => {
      const before = await snapshot(victim.id);
      const response = await dispatch(routes, requestFor(routeCase, victim, null));
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
      expect(await snapshot(victim.id)).toBe(before);
    },
  );

  it("every API route is either public or covered by the cross-user table", async () => {
    const covered = new Set(
      USER_ROUTES.map((routeCase) => {
        const found = matchRoute(routes, pathOnly(routeCase.path(SAMPLE_VICTIM)));
        return `${routeCase.method} ${found?.route.pattern ?? "(no route)"}`;
      }),
    );
    const missing: string[] = [];
    for (const route of routes) {
      for (const method of await exportedMethods(route)) {
        const key = `${method} ${route.pattern}`;
        if (!PUBLIC_ROUTES.has(key) && !covered.has(key)) missing.push(key);
      }
    }
    expect(missing, "add these routes to USER_ROUTES or PUBLIC_ROUTES in tests/integration/cross-user.test.ts").toEqual([]);
    expect([...covered].filter((key) => key.endsWith("(no route)")), "table entries that match no route").toEqual([]);
  });
});
