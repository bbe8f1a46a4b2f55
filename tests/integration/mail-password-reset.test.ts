import crypto from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { firstLink, startTestSmtp } from "../helpers/smtp";

// Password recovery against a real SMTP server on loopback: the tests read the mails the app
// sent and follow the links in them, as a person would.
const smtp = await startTestSmtp();
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "Ladder <ladder@example.com>";
// The app is imported only now, so its environment includes the SMTP server above.
const { POST: requestReset } = await import("@/app/api/auth/password-reset/route");
const { POST: confirmReset } = await import("@/app/api/auth/password-reset/confirm/route");
const { GET: getAccount } = await import("@/app/api/account/route");
const { getDb } = await import("@/lib/db");
const { settleBackgroundWork } = await import("@/lib/mail/background");
const { authedRequest, createSignedInUser, randomIp, signIn, strongPassword, uniqueEmail } = await import("../helpers/auth");

afterAll(async () => {
  await settleBackgroundWork();
  await smtp.stop();
  // The worker may run other test files next: they mail to data/outbox/ as before.
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

function post(handler: (request: Request, context: object) => Promise<Response>, path: string, body: unknown, ip = randomIp()) {
  return handler(authedRequest(path, { method: "POST", ip, body: typeof body === "string" ? body : JSON.stringify(body) }), {});
}

const askReset = (email: string, ip?: string) => post(requestReset, "/api/auth/password-reset", { email }, ip);
const confirm = (token: string, password: string) => post(confirmReset, "/api/auth/password-reset/confirm", { token, password });

async function resetMailFor(email: string) {
  return smtp.waitForMail((mail) => mail.to === email && mail.subject === "Reset your Ladder password");
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token") ?? "";
}

describe("password recovery", () => {
  it("mails a single-use link; the new password works, the old one and every old session do not", async () => {
    const { user, cookie, password } = await createSignedInUser({ name: "Ada Lovelace" });
    const response = await askReset(user.email.toUpperCase());
    expect(response.status).toBe(202);

    const mail = await resetMailFor(user.email);
    expect(mail.from?.text).toContain("ladder@example.com");
    expect(mail.text).toContain("Hi Ada Lovelace,");
    expect(mail.html).toContain("Choose a new password");
    const link = firstLink(mail, "/reset-password");
    expect(link.startsWith("http://localhost:3000/reset-password?token=")).toBe(true);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's hash is stored.
    const stored = await getDb().emailToken.findMany({ where: { userId: user.id } });
    expect(JSON.stringify(stored)).not.toContain(token);

    const newPassword = strongPassword();
    const confirmed = await confirm(token, newPassword);
    expect(confirmed.status).toBe(200);

    const oldSession = await getAccount(authedRequest("/api/account", { cookie }), {});
    expect(oldSession.status, "the session from before the reset has ended").toBe(401);
    expect((await signIn(user.email, password)).cookie, "the old password no longer works").toBeNull();
    expect((await signIn(user.email, newPassword)).cookie, "the new password works").not.toBeNull();

    const notice = await smtp.waitForMail((m) => m.to === user.email && m.subject === "Your Ladder password was changed");
    expect(notice.text).toContain("every device was signed out");

    const again = await confirm(token, strongPassword());
    expect(again.status, "a used link").toBe(400);
    expect((await signIn(user.email, newPassword)).cookie, "the used link changed nothing").not.toBeNull();
  });

  it("answers an unknown email exactly like a known one, and sends nothing", async () => {
    const { user } = await createSignedInUser();
    const unknown = uniqueEmail("nobody");
    const known = await askReset(user.email);
    const missing = await askReset(unknown);
    expect(missing.status).toBe(known.status);
    expect(await missing.text()).toBe(await known.text());
    expect([...missing.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());
    await resetMailFor(user.email);
    await settleBackgroundWork();
    expect(smtp.mails.filter((mail) => mail.to === unknown)).toEqual([]);
  });

  it("takes as long for an unknown email as for a known one", async () => {
    const db = getDb();
    const passwordHash = (await db.user.findFirstOrThrow({ where: { passwordHash: { not: null } }, select: { passwordHash: true } })).passwordHash;
    const knownEmails = await Promise.all(
      Array.from({ length: 8 }, async () => (await db.user.create({ data: { email: uniqueEmail("timing"), passwordHash } })).email),
    );
    const time = async (email: string) => {
      const started = performance.now();
      const response = await askReset(email);
      expect(response.status).toBe(202);
      return performance.now() - started;
    };
    // Warm up both paths, then alternate so load on the machine hits both alike.
    await time(knownEmails[0] as string);
    await time(uniqueEmail("nobody"));
    const known: number[] = [];
    const unknown: number[] = [];
    for (const email of knownEmails) {
      known.push(await time(email));
      unknown.push(await time(uniqueEmail("nobody")));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    // Nothing that depends on the account runs before the answer; the gap is noise only.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(Math.max(15, 0.5 * Math.min(median(known), median(unknown))));
    await settleBackgroundWork();
  });

  it("refuses an expired, a made-up and a weak-password request with 400 and changes nothing", async () => {
    const { user, password } = await createSignedInUser();
    await askReset(user.email);
    const token = tokenOf(firstLink(await resetMailFor(user.email), "/reset-password"));
    const before = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });

    const weak = await confirm(token, "password1234");
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { field: string } }).error.field).toBe("password");

    const madeUp = await confirm(crypto.randomBytes(32).toString("base64url"), strongPassword());
    expect(madeUp.status).toBe(400);

    await getDb().emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await confirm(token, strongPassword());
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe("invalid_input");

    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect((await signIn(user.email, password)).cookie).not.toBeNull();
  });

  it("a newer link replaces the earlier one", async () => {
    const { user } = await createSignedInUser();
    await askReset(user.email);
    const first = tokenOf(firstLink(await resetMailFor(user.email), "/reset-password"));
    await askReset(user.email);
    const second = await smtp.waitForMail((mail) => mail.to === user.email && !mail.text?.includes(first) && mail.subject === "Reset your Ladder password");
    expect((await confirm(first, strongPassword())).status).toBe(400);
    expect((await confirm(tokenOf(firstLink(second, "/reset-password")), strongPassword())).status).toBe(200);
  });

  it("tells an account that signs in only with GitHub or Google so, with no link", async () => {
    const email = uniqueEmail("oauth");
    await getDb().user.create({ data: { email, name: "Octo Cat" } });
    expect((await askReset(email)).status).toBe(202);
    const mail = await smtp.waitForMail((m) => m.to === email);
    expect(mail.subject).toBe("Signing in to Ladder");
    expect(mail.text).toContain("signs in with GitHub or Google");
    expect(mail.text).not.toContain("reset-password");
  });

  it("refuses malformed emails, unknown fields and oversized bodies with 400/413", async () => {
    expect((await askReset("not-an-email")).status).toBe(400);
    expect((await post(requestReset, "/api/auth/password-reset", { email: uniqueEmail(), extra: 1 })).status).toBe(400);
    expect((await post(requestReset, "/api/auth/password-reset", "{")).status).toBe(400);
    expect((await post(requestReset, "/api/auth/password-reset", { email: `${"a".repeat(20_000)}@example.com` })).status).toBe(413);
    expect((await post(confirmReset, "/api/auth/password-reset/confirm", { token: "x", password: strongPassword() })).status).toBe(400);
    expect((await post(confirmReset, "/api/auth/password-reset/confirm", { token: "a".repeat(43), password: strongPassword(), more: true })).status).toBe(400);
  });

  it("refuses a reset request from another site (origin check)", async () => {
    const request = new Request("http://localhost:3000/api/auth/password-reset", {
      method: "POST",
      headers: { origin: "https://evil.example", host: "localhost:3000", "content-type": "application/json" },
      body: JSON.stringify({ email: uniqueEmail() }),
    });
    expect((await requestReset(request, {})).status).toBe(403);
  });

  it("throttles requests per email like sign-in (429 after 10 in the window)", async () => {
    const email = uniqueEmail("throttle");
    for (let i = 0; i < 10; i++) expect((await askReset(email)).status).toBe(202);
    const limited = await askReset(email);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("with SMTP down still answers 202, logs an error, and the person can ask again", async () => {
    const { user } = await createSignedInUser();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await smtp.stop();
    try {
      expect((await askReset(user.email)).status).toBe(202);
      await settleBackgroundWork();
      expect(errors.mock.calls.map((call) => call.join(" ")).join("\n")).toContain("password reset mail failed");
    } finally {
      await smtp.start();
      errors.mockRestore();
    }
    expect((await askReset(user.email)).status).toBe(202);
    const token = tokenOf(firstLink(await resetMailFor(user.email), "/reset-password"));
    expect((await confirm(token, strongPassword())).status).toBe(200);
  });
});
