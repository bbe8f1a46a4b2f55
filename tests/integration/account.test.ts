import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE as deleteAccount, GET as getAccount, PATCH as updateAccount } from "@/app/api/account/route";
import { PUT as changePassword } from "@/app/api/account/password/route";
import { getDb } from "@/lib/db";
import { authedRequest, createSignedInUser, randomIp, signIn, strongPassword } from "../helpers/auth";

async function seedData(userId: string) {
  const db = getDb();
  const certId = `custom-${crypto.randomUUID()}`;
  await db.customCertification.create({ data: { id: certId, userId, title: "Kaggle Grandmaster", issuer: "Kaggle" } });
  await db.progress.create({ data: { userId, itemId: certId, status: "done", completedOn: "2026-01-02" } });
  await db.progressEvent.create({ data: { userId, itemId: certId, toStatus: "done", changes: "{}" } });
  await db.account.create({ data: { userId, type: "oauth", provider: "github", providerAccountId: crypto.randomUUID() } });
  await db.session.create({ data: { userId, sessionToken: crypto.randomUUID(), expires: new Date(Date.now() + 60_000) } });
}

async function rowCounts(userId: string) {
  const db = getDb();
  const where = { where: { userId } };
  return {
    user: await db.user.count({ where: { id: userId } }),
    progress: await db.progress.count(where),
    progressEvent: await db.progressEvent.count(where),
    customCertification: await db.customCertification.count(where),
    loginSession: await db.loginSession.count(where),
    account: await db.account.count(where),
    session: await db.session.count(where),
  };
}

describe("account settings API", () => {
  it("GET /api/account shows the signed-in person's own account, never the password hash", async () => {
    const { user, cookie } = await createSignedInUser({ name: "Grace Hopper" });
    const response = await getAccount(authedRequest("/api/account", { cookie }), {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { account: Record<string, unknown> };
    expect(body.account).toEqual({ id: user.id, email: user.email, name: "Grace Hopper", trackId: null, hasPassword: true, createdAt: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain("argon2");
  });

  it("PATCH /api/account changes the name; blank clears it; unknown fields are refused", async () => {
    const { user, cookie } = await createSignedInUser();
    const patch = (body: unknown) => updateAccount(authedRequest("/api/account", { method: "PATCH", cookie, body: JSON.stringify(body) }), {});
    const renamed = await patch({ name: "  Katherine Johnson " });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { account: { name: string } }).account.name).toBe("Katherine Johnson");
    expect((await patch({ name: "" })).status).toBe(200);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBeNull();
    const refused = await patch({ name: "X", email: "other@example.com" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("email");
    expect((await patch({ name: "x".repeat(101) })).status).toBe(400);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("a password change needs the right current password and a strong new one", async () => {
    const { user, cookie, password } = await createSignedInUser();
    const put = (body: unknown) =>
      changePassword(authedRequest("/api/account/password", { method: "PUT", cookie, ip: randomIp(), body: JSON.stringify(body) }), {});
    const wrong = await put({ currentPassword: strongPassword(), newPassword: strongPassword() });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe("currentPassword");
    const weak = await put({ currentPassword: password, newPassword: "password12345" });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { field: string } }).error.field).toBe("newPassword");
    const same = await put({ currentPassword: password, newPassword: password });
    expect(same.status).toBe(400);
    expect((await signIn(user.email, password)).response.status).toBe(200);
  });

  it("DELETE /api/account with a wrong password deletes nothing", async () => {
    const { user, cookie } = await createSignedInUser();
    await seedData(user.id);
    const before = await rowCounts(user.id);
    const response = await deleteAccount(
      authedRequest("/api/account", { method: "DELETE", cookie, ip: randomIp(), body: JSON.stringify({ password: strongPassword() }) }),
      {},
    );
    expect(response.status).toBe(400);
    expect(await rowCounts(user.id)).toEqual(before);
    const missing = await deleteAccount(authedRequest("/api/account", { method: "DELETE", cookie, body: "{}" }), {});
    expect(missing.status).toBe(400);
    expect(await rowCounts(user.id)).toEqual(before);
  });

  it("DELETE /api/account with the password removes every row of the user, and only theirs", async () => {
    const { user, cookie, password } = await createSignedInUser();
    const other = await createSignedInUser();
    await seedData(user.id);
    await seedData(other.user.id);
    const otherBefore = await rowCounts(other.user.id);
    const response = await deleteAccount(
      authedRequest("/api/account", { method: "DELETE", cookie, ip: randomIp(), body: JSON.stringify({ password }) }),
      {},
    );
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().some((value) => /^next-auth\.session-token=;/.test(value))).toBe(true);
    expect(await rowCounts(user.id)).toEqual({ user: 0, progress: 0, progressEvent: 0, customCertification: 0, loginSession: 0, account: 0, session: 0 });
    expect(await rowCounts(other.user.id)).toEqual(otherBefore);
    expect((await getAccount(authedRequest("/api/account", { cookie }), {})).status).toBe(401);
    expect((await signIn(user.email, password)).response.status).toBe(401);
  });

  it("an account without a password (GitHub or Google only) is deleted by confirming its email", async () => {
    const { user, cookie } = await createSignedInUser();
    await getDb().user.update({ where: { id: user.id }, data: { passwordHash: null } });
    const wrong = await deleteAccount(authedRequest("/api/account", { method: "DELETE", cookie, body: JSON.stringify({ confirmEmail: "x@example.com" }) }), {});
    expect(wrong.status).toBe(400);
    const right = await deleteAccount(authedRequest("/api/account", { method: "DELETE", cookie, body: JSON.stringify({ confirmEmail: user.email.toUpperCase() }) }), {});
    expect(right.status).toBe(204);
    expect(await getDb().user.count({ where: { id: user.id } })).toBe(0);
  });

  it("refuses mutating requests from another site with 403 and changes nothing", async () => {
    const { user, cookie, password } = await createSignedInUser({ name: "Before" });
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of crossSite) {
      const patch = new Request("http://localhost:3000/api/account", {
        method: "PATCH",
        headers: { ...headers, host: "localhost:3000", cookie, "content-type": "application/json" },
        body: JSON.stringify({ name: "After" }),
      });
      expect((await updateAccount(patch, {})).status).toBe(403);
      const remove = new Request("http://localhost:3000/api/account", {
        method: "DELETE",
        headers: { ...headers, host: "localhost:3000", cookie, "content-type": "application/json" },
        body: JSON.stringify({ password }),
      });
      expect((await deleteAccount(remove, {})).status).toBe(403);
    }
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Before");
  });
});
