import { describe, expect, it, vi } from "vitest";
import { GET as getAccount } from "@/app/api/account/route";
import { PUT as changePassword } from "@/app/api/account/password/route";
import { DELETE as signOutEverywhere } from "@/app/api/account/sessions/route";
import { decodeSessionToken, encodeSessionToken, sessionMaxAgeSeconds } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
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

