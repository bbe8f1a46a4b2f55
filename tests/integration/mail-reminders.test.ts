import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { type Handler, stopSmtpAfterAll } from "../helpers/app-smtp";
import { firstLink, type ReceivedMail, rawHeader, startTestSmtp } from "../helpers/smtp";

// Email confirmation, reminders and unsubscribing, against a real SMTP server on loopback.
const smtp = await startTestSmtp();
process.env.SMTP_URL = smtp.url;
// The app is imported only now, so its environment includes the SMTP server above.
const { POST: verifyEmail } = await import("@/app/api/auth/verify-email/route");
const { PUT: changeEmail } = await import("@/app/api/account/email/route");
const { POST: resendConfirmation } = await import("@/app/api/account/email/confirmation/route");
const { GET: getReminders, PUT: putReminders } = await import("@/app/api/reminders/route");
const { POST: unsubscribePost } = await import("@/app/api/unsubscribe/route");
const { PUT: putProgress } = await import("@/app/api/progress/[itemId]/route");
const { getDb } = await import("@/lib/db");
const { settleBackgroundWork } = await import("@/lib/mail/background");
const { runReminderPass } = await import("@/lib/reminders/pass");
const { startReminderTimer } = await import("@/lib/reminders/timer");
const { addDays } = await import("@/lib/clock");
const { authedRequest, createSignedInUser, randomIp, strongPassword, uniqueEmail } = await import("../helpers/auth");

stopSmtpAfterAll(smtp);

function call(handler: Handler, method: string, path: string, options: { cookie?: string | null; body?: unknown; context?: object } = {}) {
  const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const request = authedRequest(path, { method, cookie: options.cookie ?? null, ip: randomIp(), ...(body !== undefined ? { body } : {}) });
  return handler(request, (options.context ?? {}) as never);
}

const mailsTo = (email: string, subject?: string | RegExp) =>
  smtp.mails.filter((mail) => mail.to === email && (subject === undefined || (typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject ?? ""))));

async function confirmationMail(email: string): Promise<ReceivedMail> {
  return smtp.waitForMail((mail) => mail.to === email && mail.subject === "Confirm your email for Ladder");
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

/** A signed-up person who followed the confirmation link in their mail. */
async function confirmedUser(name = "Grace Hopper") {
  const signedIn = await createSignedInUser({ name });
  const link = firstLink(await confirmationMail(signedIn.user.email), "/verify-email");
  const response = await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token: tokenOf(link) } });
  expect(response.status).toBe(200);
  return signedIn;
}

async function certificationExpiringOn(cookie: string, expiresOn: string) {
  const itemId = "aws-certified-machine-learning";
  const response = await call(putProgress, "PUT", `/api/progress/${itemId}`, {
    cookie,
    body: { status: "done", completedOn: "2024-01-01", expiresOn },
    context: { params: Promise.resolve({ itemId }) },
  });
  expect(response.status).toBe(200);
}

describe("email confirmation", () => {
  it("sign-up mails a link; following it confirms the address once", async () => {
    const { user, cookie } = await createSignedInUser();
    const before = (await (await call(getReminders, "GET", "/api/reminders", { cookie })).json()) as { emailConfirmed: boolean };
    expect(before.emailConfirmed).toBe(false);
    const mail = await confirmationMail(user.email);
    expect(mail.text).toContain("24 hours");
    const token = tokenOf(firstLink(mail, "/verify-email"));
    const response = await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: user.email, emailConfirmed: true });
    const after = (await (await call(getReminders, "GET", "/api/reminders", { cookie })).json()) as { emailConfirmed: boolean };
    expect(after.emailConfirmed).toBe(true);
    expect((await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token } })).status, "a used link").toBe(400);
    expect((await call(resendConfirmation, "POST", "/api/account/email/confirmation", { cookie })).status, "already confirmed").toBe(409);
  });

  it("settings can send the link again; only the newest link works", async () => {
    const { user, cookie } = await createSignedInUser();
    const first = tokenOf(firstLink(await confirmationMail(user.email), "/verify-email"));
    expect((await call(resendConfirmation, "POST", "/api/account/email/confirmation", { cookie })).status).toBe(202);
    const second = await smtp.waitForMail((mail) => mail.to === user.email && mail.subject === "Confirm your email for Ladder" && !mail.text?.includes(first));
    expect((await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token: first } })).status).toBe(400);
    expect((await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token: tokenOf(firstLink(second, "/verify-email")) } })).status).toBe(200);
  });

  it("changing the email needs the password, confirms the new address and tells the old one", async () => {
    const { user, cookie, password } = await confirmedUser();
    const newEmail = uniqueEmail("moved");
    const wrong = await call(changeEmail, "PUT", "/api/account/email", { cookie, body: { email: newEmail, password: strongPassword() } });
    expect(wrong.status).toBe(400);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const response = await call(changeEmail, "PUT", "/api/account/email", { cookie, body: { email: newEmail.toUpperCase(), password } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: newEmail, emailConfirmed: false });
    const notice = await smtp.waitForMail((mail) => mail.to === user.email && mail.subject === "The email of your Ladder account was changed");
    expect(notice.text).toContain(newEmail);
    const token = tokenOf(firstLink(await confirmationMail(newEmail), "/verify-email"));
    expect((await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token } })).status).toBe(200);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();

    const other = await createSignedInUser();
    const taken = await call(changeEmail, "PUT", "/api/account/email", { cookie: other.cookie, body: { email: newEmail, password: other.password } });
    expect(taken.status).toBe(409);
  });

  it("refuses bad input with 400", async () => {
    const { cookie, password } = await createSignedInUser();
    expect((await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token: "short" } })).status).toBe(400);
    expect((await call(verifyEmail, "POST", "/api/auth/verify-email", { body: { token: "a".repeat(43), x: 1 } })).status).toBe(400);
    expect((await call(changeEmail, "PUT", "/api/account/email", { cookie, body: { email: "nope", password } })).status).toBe(400);
    expect((await call(changeEmail, "PUT", "/api/account/email", { cookie, body: { email: uniqueEmail(), password, name: "x" } })).status).toBe(400);
  });
});

describe("reminder settings", () => {
  it("reads defaults and saves changes; unknown fields and unknown time zones are 400", async () => {
    const { cookie } = await createSignedInUser();
    const initial = await call(getReminders, "GET", "/api/reminders", { cookie });
    expect(await initial.json()).toEqual({ weeklyDigest: true, renewals: true, targets: true, timeZone: "UTC", emailConfirmed: false });
    const saved = await call(putReminders, "PUT", "/api/reminders", { cookie, body: { weeklyDigest: false, timeZone: "Europe/Berlin" } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ weeklyDigest: false, renewals: true, timeZone: "Europe/Berlin" });
    expect((await call(putReminders, "PUT", "/api/reminders", { cookie, body: { timeZone: "Mars/Olympus" } })).status).toBe(400);
    expect((await call(putReminders, "PUT", "/api/reminders", { cookie, body: { renewals: "yes" } })).status).toBe(400);
    expect((await call(putReminders, "PUT", "/api/reminders", { cookie, body: { daily: true } })).status).toBe(400);
    expect(await (await call(getReminders, "GET", "/api/reminders", { cookie })).json()).toMatchObject({ weeklyDigest: false, timeZone: "Europe/Berlin" });
  });
});

describe("reminder pass", () => {
  it("sends a renewal reminder 30 days before expiry, once, with a one-click unsubscribe", async () => {
    const { user, cookie } = await confirmedUser();
    const today = "2027-03-01";
    await certificationExpiringOn(cookie, addDays(today, 30));
    await call(putReminders, "PUT", "/api/reminders", { cookie, body: { weeklyDigest: false } });

    await runReminderPass({ date: today });
    await runReminderPass({ date: today });
    const mails = mailsTo(user.email, /expires in/);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as ReceivedMail;
    expect(mail.subject).toBe("AWS Certified Machine Learning expires in 30 days");
    expect(mail.text).toContain("Hi Grace Hopper,");
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(mail, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+>$/);

    // The next mark (7 days) is a new reminder; a pass that missed days sends only the latest one.
    await runReminderPass({ date: addDays(today, 25) });
    expect(mailsTo(user.email, /expires in/).map((m) => m.subject)).toEqual([
      "AWS Certified Machine Learning expires in 30 days",
      "AWS Certified Machine Learning expires in 5 days",
    ]);
  });

  it("sends nothing to an unconfirmed address", async () => {
    const { user, cookie } = await createSignedInUser();
    await certificationExpiringOn(cookie, "2027-04-07");
    await runReminderPass({ date: "2027-03-31" });
    await settleBackgroundWork();
    expect(mailsTo(user.email).filter((mail) => mail.subject !== "Confirm your email for Ladder")).toEqual([]);
  });

  it("two passes running at once send each reminder exactly once", async () => {
    const people = await Promise.all([confirmedUser("One"), confirmedUser("Two"), confirmedUser("Three")]);
    for (const person of people) await certificationExpiringOn(person.cookie, "2027-06-08");
    const results = await Promise.all([runReminderPass({ date: "2027-06-01" }), runReminderPass({ date: "2027-06-01" })]);
    for (const person of people) {
      expect(mailsTo(person.user.email, /expires in 7 days/), person.user.name ?? "").toHaveLength(1);
      expect(mailsTo(person.user.email, "Your week on Ladder"), person.user.name ?? "").toHaveLength(1);
    }
    const sent = results.reduce((sum, result) => sum + result.sent, 0);
    const mine = (await getDb().reminder.count({ where: { userId: { in: people.map((p) => p.user.id) }, status: "sent" } }));
    expect(mine).toBe(6);
    expect(sent).toBeGreaterThanOrEqual(6);
  });

  it("an SMTP failure leaves the reminder pending; the next pass sends it, once", async () => {
    const { user, cookie } = await confirmedUser();
    await certificationExpiringOn(cookie, "2027-09-30");
    await call(putReminders, "PUT", "/api/reminders", { cookie, body: { weeklyDigest: false } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await smtp.stop();
    try {
      const failed = await runReminderPass({ date: "2027-07-02" });
      expect(failed.failed).toBeGreaterThanOrEqual(1);
      expect(errors).toHaveBeenCalled();
    } finally {
      await smtp.start();
      errors.mockRestore();
    }
    const row = await getDb().reminder.findFirstOrThrow({ where: { userId: user.id, kind: "renewal" } });
    expect(row.status).toBe("pending");
    await runReminderPass({ date: "2027-07-03" });
    await runReminderPass({ date: "2027-07-04" });
    expect(mailsTo(user.email, /expires in/).map((m) => m.subject)).toEqual(["AWS Certified Machine Learning expires in 89 days"]);
  });

  it("the weekly digest says what changed and what is next, and its one-click unsubscribe turns off only the digest", async () => {
    const { user, cookie } = await confirmedUser();
    await certificationExpiringOn(cookie, "2030-01-01");
    await runReminderPass({ date: addDays(new Date().toISOString().slice(0, 10), 1) });
    const digest = await smtp.waitForMail((mail) => mail.to === user.email && mail.subject === "Your week on Ladder");
    expect(digest.text).toContain("AWS Certified Machine Learning: done");
    expect(digest.text).toContain("What is next:");

    const header = rawHeader(digest, "List-Unsubscribe") as string;
    const url = /<([^>]+)>/.exec(header)?.[1] as string;
    const tampered = url.replace(/token=([^&.]+)/, (_m, part: string) => `token=${part}x`);
    const oneClick = (target: string) =>
      unsubscribePost(
        new Request(target, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
        {},
      );
    expect((await oneClick(tampered)).status).toBe(400);
    const wrongBody = await unsubscribePost(new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "unsubscribe=yes" }), {});
    expect(wrongBody.status).toBe(400);
    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(await (await call(getReminders, "GET", "/api/reminders", { cookie })).json()).toMatchObject({ weeklyDigest: false, renewals: true, targets: true });

    // Mail clients may send the same body as multipart/form-data.
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    expect((await unsubscribePost(new Request(url, { method: "POST", body: form }), {})).status).toBe(200);

    // The unsubscribe page's link in the body carries the same token.
    const pageToken = tokenOf(firstLink(digest, "/unsubscribe"));
    expect((await call(unsubscribePost, "POST", "/api/unsubscribe", { body: { token: pageToken } })).status).toBe(200);
    expect((await call(unsubscribePost, "POST", "/api/unsubscribe", { body: { token: pageToken, extra: 1 } })).status).toBe(400);
  });

  it("each mail's unsubscribe token is random, stored only as its hash, and expires after 180 days", async () => {
    const { user, cookie } = await confirmedUser();
    await call(putReminders, "PUT", "/api/reminders", { cookie, body: { weeklyDigest: false } });
    const today = "2027-06-01";
    await certificationExpiringOn(cookie, addDays(today, 90));
    await runReminderPass({ date: today });
    await runReminderPass({ date: addDays(today, 60) });
    const [first, second] = mailsTo(user.email, /expires in/) as [ReceivedMail, ReceivedMail];
    const firstToken = tokenOf(firstLink(first, "/unsubscribe"));
    const secondToken = tokenOf(firstLink(second, "/unsubscribe"));
    expect(firstToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secondToken).not.toBe(firstToken);
    // The database holds hashes: neither token appears in any reminder row.
    const rows = await getDb().reminder.findMany({ where: { userId: user.id }, select: { unsubscribeHash: true } });
    expect(rows.map((row) => row.unsubscribeHash)).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(firstToken);
    expect(JSON.stringify(rows)).not.toContain(secondToken);

    // A link from a mail sent 181 days ago is refused, with a reason, and changes nothing.
    const hash = crypto.createHash("sha256").update(firstToken).digest("hex");
    await getDb().reminder.update({ where: { unsubscribeHash: hash }, data: { claimedAt: new Date(Date.now() - 181 * 86_400_000) } });
    const expired = await call(unsubscribePost, "POST", "/api/unsubscribe", { body: { token: firstToken } });
    expect(expired.status).toBe(400);
    expect(JSON.stringify(await expired.json())).toMatch(/expired/);
    expect(await (await call(getReminders, "GET", "/api/reminders", { cookie })).json()).toMatchObject({ renewals: true });
    // A well-formed token that was never issued is refused too.
    expect((await call(unsubscribePost, "POST", "/api/unsubscribe", { body: { token: "A".repeat(43) } })).status).toBe(400);
    expect((await call(unsubscribePost, "POST", "/api/unsubscribe", { body: { token: secondToken } })).status).toBe(200);
    expect(await (await call(getReminders, "GET", "/api/reminders", { cookie })).json()).toMatchObject({ renewals: false });
  });

  it("with REMINDERS_INTERVAL_MINUTES the server runs a pass on that interval", async () => {
    const { user, cookie } = await confirmedUser();
    await call(putReminders, "PUT", "/api/reminders", { cookie, body: { weeklyDigest: false } });
    await certificationExpiringOn(cookie, addDays(new Date().toISOString().slice(0, 10), 7));
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stop = startReminderTimer(5);
    try {
      expect(mailsTo(user.email, /expires in/)).toEqual([]);
      vi.advanceTimersByTime(5 * 60_000);
      const mail = await smtp.waitForMail((m) => m.to === user.email && /expires in/.test(m.subject ?? ""));
      expect(mail.subject).toBe("AWS Certified Machine Learning expires in 7 days");
    } finally {
      await stop();
      vi.useRealTimers();
    }
  });
});
