import { describe, expect, it, vi } from "vitest";
import { GET as getAccount } from "@/app/api/account/route";
import { PUT as changePassword } from "@/app/api/account/password/route";
import { DELETE as signOutEverywhere } from "@/app/api/account/sessions/route";
import { decodeSessionToken, encodeSessionToken, sessionMaxAgeSeconds } from "@/lib/auth/session-token";
import { GET as getLadder } from "@/app/api/ladder/route";
import { GET as getPlan } from "@/app/api/plan/route";
import { GET as getProgress } from "@/app/api/progress/route";
import { todayUtc } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getPlan as readPlan } from "@/lib/plan";
import { getLadderPosition as readLadderPosition, getProgress as readProgress } from "@/lib/progress";
import { authedRequest, callAuthRoute, createSignedInUser, randomIp, SESSION_COOKIE, setCookies, signIn, strongPassword } from "../helpers/auth";

async function accountStatus(cookie: string | null): Promise<number> {
  return (await getAccount(authedRequest("/api/account", { cookie }), {})).status;
}

async function signOut(cookie: string): Promise<Response> {
  const csrf = await callAuthRoute(authedRequest("/api/auth/csrf", { cookie }));
  const csrfCookie = [...setCookies(csrf)].map(([name, value]) => `${name}=${value}`).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return callAuthRoute(
    authedRequest("/api/auth/signout", {
      method: "POST",
      cookie: `${cookie}; ${csrfCookie}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    }),
  );
}

describe("sessions", () => {
  it("API routes answer 401 JSON without a session, and with a forged or foreign cookie", async () => {
    const response = await getAccount(authedRequest("/api/account"), {});
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
    expect(await accountStatus(`${SESSION_COOKIE}=not-a-token`)).toBe(401);
    const { cookie } = await createSignedInUser();
    expect(await accountStatus(`${cookie.slice(0, -4)}AAAA`)).toBe(401);
  });

  it("sign-out ends the session for good: a replayed copy of its cookie gets 401", async () => {
    const { cookie } = await createSignedInUser();
    expect(await accountStatus(cookie)).toBe(200);
    const response = await signOut(cookie);
    expect(response.status).toBe(200);
    expect(setCookies(response).get(SESSION_COOKIE)).toBe("");
    expect(await accountStatus(cookie)).toBe(401);
    const session = await callAuthRoute(authedRequest("/api/auth/session", { cookie }));
    expect(await session.json()).toEqual({});
  });

  it("sign-out without the csrf token changes nothing", async () => {
    const { cookie } = await createSignedInUser();
    const response = await callAuthRoute(
      authedRequest("/api/auth/signout", {
        method: "POST",
        cookie,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "json=true",
      }),
    );
    expect(response.status).toBe(403);
    expect(await accountStatus(cookie)).toBe(200);
  });

  it("signing out of one session leaves the user's other sessions signed in", async () => {
    const { user, cookie, password } = await createSignedInUser();
    const other = await signIn(user.email, password);
    await signOut(cookie);
    expect(await accountStatus(other.cookie)).toBe(200);
  });

  it("'sign out everywhere' ends every session of the user, and no one else's", async () => {
    const { user, cookie, password } = await createSignedInUser();
    const laptop = await signIn(user.email, password);
    const someoneElse = await createSignedInUser();
    const response = await signOutEverywhere(authedRequest("/api/account/sessions", { method: "DELETE", cookie }), {});
    expect(response.status).toBe(204);
    expect(await accountStatus(cookie)).toBe(401);
    expect(await accountStatus(laptop.cookie)).toBe(401);
    expect(await accountStatus(someoneElse.cookie)).toBe(200);
    // Signing in again afterwards works.
    expect(await accountStatus((await signIn(user.email, password)).cookie)).toBe(200);
  });

  it("a password change ends every earlier session and keeps this device signed in", async () => {
    const { user, cookie, password } = await createSignedInUser();
    const phone = await signIn(user.email, password);
    const newPassword = strongPassword();
    const response = await changePassword(
      authedRequest("/api/account/password", { method: "PUT", cookie, ip: randomIp(), body: JSON.stringify({ currentPassword: password, newPassword }) }),
      {},
    );
    expect(response.status).toBe(200);
    const fresh = setCookies(response).get(SESSION_COOKIE);
    expect(fresh).toBeTruthy();
    expect(await accountStatus(cookie)).toBe(401);
    expect(await accountStatus(phone.cookie)).toBe(401);
    expect(await accountStatus(`${SESSION_COOKIE}=${fresh}`)).toBe(200);
    expect((await signIn(user.email, password)).response.status).toBe(401);
    expect((await signIn(user.email, newPassword)).response.status).toBe(200);
  });

  it("a session past its absolute lifetime is refused even though its JWT is still valid", async () => {
    const { user, cookie } = await createSignedInUser();
    await getDb().loginSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await accountStatus(cookie)).toBe(401);
  });

  it("signing in again clears the user's expired session rows", async () => {
    const { user, password } = await createSignedInUser();
    await getDb().loginSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await signIn(user.email, password);
    expect(await getDb().loginSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a token naming another user's session is refused", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    const bobSession = await getDb().loginSession.findFirstOrThrow({ where: { userId: bob.user.id } });
    const forged = await encodeSessionToken({ sub: alice.user.id, sid: bobSession.id, sv: 0 });
    expect(await accountStatus(`${SESSION_COOKIE}=${forged}`)).toBe(401);
  });

  it("a session of an earlier session version is refused", async () => {
    const { user, cookie } = await createSignedInUser();
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await accountStatus(cookie)).toBe(401);
  });
});

// GET /api/ladder, /api/progress and /api/plan read the session row and the token's person's
// rows in one statement (lib/auth/session.ts requireUserReading): each invalid session must
// still get 401 with the error shape and nothing of anyone's rows.
describe("sessions checked in the same statement as the read", () => {
  const routes = { "/api/ladder": getLadder, "/api/progress": getProgress, "/api/plan": getPlan } as const;

  async function answers(cookie: string | null): Promise<{ path: string; status: number; body: string }[]> {
    return Promise.all(
      Object.entries(routes).map(async ([path, handler]) => {
        const response = await handler(authedRequest(path, { cookie }), {});
        return { path, status: response.status, body: await response.text() };
      }),
    );
  }

  async function expectRefused(cookie: string | null, victimItemId: string) {
    for (const answer of await answers(cookie)) {
      expect(answer.status, answer.path).toBe(401);
      expect(JSON.parse(answer.body), answer.path).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
      expect(answer.body, answer.path).not.toContain(victimItemId);
    }
  }

  async function signedInWithProgress() {
    const person = await createSignedInUser();
    await getDb().progress.create({ data: { userId: person.user.id, itemId: "aws-certified-machine-learning", status: "done", completedOn: "2026-01-10" } });
    return person;
  }

  it("a valid session gets its own rows from each route, as the separate reads give them", async () => {
    const { user, cookie } = await signedInWithProgress();
    const [ladder, progress, plan] = await answers(cookie);
    expect([ladder?.status, progress?.status, plan?.status]).toEqual([200, 200, 200]);
    expect(JSON.parse(progress?.body ?? "").items.map((item: { itemId: string }) => item.itemId)).toEqual(["aws-certified-machine-learning"]);
    // The same answers as the data-access layer's own reads of that person (one statement each).
    expect(JSON.parse(progress?.body ?? "")).toEqual(JSON.parse(JSON.stringify(await readProgress(user.id))));
    expect(JSON.parse(ladder?.body ?? "")).toEqual(JSON.parse(JSON.stringify(await readLadderPosition(user.id, todayUtc()))));
    expect(JSON.parse(plan?.body ?? "")).toEqual(JSON.parse(JSON.stringify(await readPlan(user.id))));
  });

  it("no cookie, a made-up cookie, a signed-out, expired or outdated session: 401 and no rows", async () => {
    await expectRefused(null, "aws-certified-machine-learning");
    await expectRefused(`${SESSION_COOKIE}=not-a-token`, "aws-certified-machine-learning");

    const signedOut = await signedInWithProgress();
    expect((await signOut(signedOut.cookie)).status).toBe(200);
    await expectRefused(signedOut.cookie, "aws-certified-machine-learning");

    const expired = await signedInWithProgress();
    await getDb().loginSession.updateMany({ where: { userId: expired.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectRefused(expired.cookie, "aws-certified-machine-learning");

    const outdated = await signedInWithProgress();
    await getDb().user.update({ where: { id: outdated.user.id }, data: { sessionVersion: { increment: 1 } } });
    await expectRefused(outdated.cookie, "aws-certified-machine-learning");
  });

  it("a token naming one person and another person's open session gets neither person's rows", async () => {
    const victim = await signedInWithProgress();
    const attacker = await createSignedInUser();
    const attackerSession = await getDb().loginSession.findFirstOrThrow({ where: { userId: attacker.user.id } });
    // The rows are read for the token's `sub` (the victim) in the statement that finds the
    // attacker's session row: the session does not belong to `sub`, so nothing is returned.
    const forged = await encodeSessionToken({ sub: victim.user.id, sid: attackerSession.id, sv: 0 });
    await expectRefused(`${SESSION_COOKIE}=${forged}`, "aws-certified-machine-learning");
  });
});

describe("session token decoding", () => {
  it("a token decoded before is still refused once it has expired", async () => {
    const claims = { sub: "user-expiry", sid: "session-expiry", sv: 3 };
    const token = await encodeSessionToken(claims);
    expect(await decodeSessionToken(token)).toEqual(claims);
    expect(await decodeSessionToken(token)).toEqual(claims);
    // 15 s of clock tolerance, as next-auth allows, then one second more.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + (sessionMaxAgeSeconds() + 16) * 1000 });
    try {
      expect(await decodeSessionToken(token)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a token changed by one character is refused after the original was decoded", async () => {
    const claims = { sub: "user-altered", sid: "session-altered", sv: 0 };
    const token = await encodeSessionToken(claims);
    expect(await decodeSessionToken(token)).toEqual(claims);
    // The fourth part is the ciphertext; its first character carries six whole bits.
    const parts = token.split(".");
    parts[3] = `${parts[3]?.startsWith("A") ? "B" : "A"}${parts[3]?.slice(1)}`;
    expect(await decodeSessionToken(parts.join("."))).toBeNull();
    expect(await decodeSessionToken(`${token}.`)).toBeNull();
    expect(await decodeSessionToken(token)).toEqual(claims);
  });
});

