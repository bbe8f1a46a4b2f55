import { describe, expect, it } from "vitest";
import { type Handler, stopSmtpAfterAll } from "../helpers/app-smtp";
import { firstLink, type ReceivedMail, rawHeader, startTestSmtp } from "../helpers/smtp";

// Target-date reminders (items and the plan's goal), sent by reminder passes on fixed days to a
// real SMTP server on loopback. Each test uses its own years, so a later test's passes find the
// earlier tests' reminders already sent.
const smtp = await startTestSmtp();
process.env.SMTP_URL = smtp.url;
const { POST: verifyEmail } = await import("@/app/api/auth/verify-email/route");
const { PUT: putReminders } = await import("@/app/api/reminders/route");
const { PUT: putProgress } = await import("@/app/api/progress/[itemId]/route");
const { PUT: putPlan } = await import("@/app/api/plan/route");
const { getDb } = await import("@/lib/db");
const { settleBackgroundWork } = await import("@/lib/mail/background");
const { runReminderPass } = await import("@/lib/reminders/pass");
const { authedRequest, createSignedInUser, randomIp } = await import("../helpers/auth");

stopSmtpAfterAll(smtp);

async function call(handler: Handler, method: string, path: string, options: { cookie: string; body: unknown; context?: object }) {
  const request = authedRequest(path, { method, cookie: options.cookie, ip: randomIp(), body: JSON.stringify(options.body) });
  const response = await handler(request, (options.context ?? {}) as never);
  expect(response.status, `${method} ${path}`).toBe(200);
  return response;
}

const ITEM = "aws-certified-machine-learning";
const TITLE = "AWS Certified Machine Learning";

const targetMails = (email: string) => smtp.mails.filter((mail) => mail.to === email && /target date/.test(mail.subject ?? ""));

async function person(options: { confirmed?: boolean; name?: string } = {}) {
  const signedIn = await createSignedInUser({ name: options.name ?? "Grace Hopper" });
  const mail = await smtp.waitForMail((m) => m.to === signedIn.user.email && m.subject === "Confirm your email for Ladder");
  if (options.confirmed !== false) {
    const token = new URL(firstLink(mail, "/verify-email")).searchParams.get("token");
    await call(verifyEmail, "POST", "/api/auth/verify-email", { cookie: signedIn.cookie, body: { token } });
  }
  // Only target mails matter here.
  await call(putReminders, "PUT", "/api/reminders", { cookie: signedIn.cookie, body: { weeklyDigest: false, renewals: false } });
  return signedIn;
}

function setItem(cookie: string, body: { status: string; targetOn: string | null }) {
  return call(putProgress, "PUT", `/api/progress/${ITEM}`, { cookie, body, context: { params: Promise.resolve({ itemId: ITEM }) } });
}

describe("target-date reminders", () => {
  it("an item's target date: one mail 7 days before, none on a second pass, one once overdue", async () => {
    const { user, cookie } = await person();
    await setItem(cookie, { status: "in_progress", targetOn: "2028-03-15" });

    await runReminderPass({ date: "2028-03-07" });
    expect(targetMails(user.email), "8 days before").toEqual([]);
    await runReminderPass({ date: "2028-03-08" });
    await runReminderPass({ date: "2028-03-08" });
    await runReminderPass({ date: "2028-03-12" });
    expect(targetMails(user.email).map((m) => m.subject)).toEqual([`${TITLE}: target date in 7 days`]);
    const mail = targetMails(user.email)[0] as ReceivedMail;
    expect(mail.text).toContain("Hi Grace Hopper,");
    expect(mail.text).toContain("2028-03-15");
    expect(firstLink(mail, "/dashboard")).toBe("http://localhost:3000/dashboard");
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(mail, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+>$/);

    await runReminderPass({ date: "2028-03-16" });
    await runReminderPass({ date: "2028-03-17" });
    await runReminderPass({ date: "2028-04-30" });
    expect(targetMails(user.email).map((m) => m.subject)).toEqual([
      `${TITLE}: target date in 7 days`,
      `${TITLE}: the target date 2028-03-15 has passed`,
    ]);

    // The one-click unsubscribe turns off target reminders only.
    const url = /<([^>]+)>/.exec(rawHeader(mail, "List-Unsubscribe") as string)?.[1] as string;
    const { POST: unsubscribePost } = await import("@/app/api/unsubscribe/route");
    const oneClick = await unsubscribePost(
      new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      {},
    );
    expect(oneClick.status).toBe(200);
    expect(await getDb().reminderSettings.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ targets: false, weeklyDigest: false, renewals: false });
  });

  it("a moved target date is reminded again; a cleared one, or a done item, sends nothing", async () => {
    const { user, cookie } = await person();
    await setItem(cookie, { status: "in_progress", targetOn: "2029-03-15" });
    await runReminderPass({ date: "2029-03-08" });
    expect(targetMails(user.email)).toHaveLength(1);

    // Moved to 8 days later: its own 7-day mark falls on the old date's overdue day.
    await setItem(cookie, { status: "in_progress", targetOn: "2029-03-23" });
    await runReminderPass({ date: "2029-03-16" });
    expect(targetMails(user.email).map((m) => m.subject)).toEqual([`${TITLE}: target date in 7 days`, `${TITLE}: target date in 7 days`]);
    expect(targetMails(user.email)[1]?.text).toContain("2029-03-23");

    await setItem(cookie, { status: "in_progress", targetOn: null });
    await runReminderPass({ date: "2029-03-25" });
    await setItem(cookie, { status: "done", targetOn: "2029-04-10" });
    await runReminderPass({ date: "2029-04-05" });
    await runReminderPass({ date: "2029-04-20" });
    expect(targetMails(user.email)).toHaveLength(2);
  });

  it("the plan's goal: names the rung and the date, 7 days before and once overdue", async () => {
    const { user, cookie } = await person();
    await call(putPlan, "PUT", "/api/plan", { cookie, body: { targetRungId: "senior-mle", targetDate: "2030-06-30" } });
    await runReminderPass({ date: "2030-06-23" });
    await runReminderPass({ date: "2030-06-23" });
    await runReminderPass({ date: "2030-07-01" });
    await runReminderPass({ date: "2030-07-02" });
    const mails = targetMails(user.email);
    expect(mails.map((m) => m.subject)).toEqual([
      "Your goal: Senior Machine Learning Engineer: target date in 7 days",
      "Your goal: Senior Machine Learning Engineer: the target date 2030-06-30 has passed",
    ]);
    expect(mails[0]?.text).toContain("You planned to reach Senior Machine Learning Engineer by 2030-06-30.");
  });

  it("sends nothing when switched off, or to an unconfirmed address", async () => {
    const off = await person();
    await setItem(off.cookie, { status: "todo", targetOn: "2031-03-15" });
    await call(putReminders, "PUT", "/api/reminders", { cookie: off.cookie, body: { targets: false } });
    const unconfirmed = await person({ confirmed: false });
    await setItem(unconfirmed.cookie, { status: "todo", targetOn: "2031-03-15" });

    await runReminderPass({ date: "2031-03-08" });
    await runReminderPass({ date: "2031-03-16" });
    await settleBackgroundWork();
    expect(targetMails(off.user.email)).toEqual([]);
    expect(targetMails(unconfirmed.user.email)).toEqual([]);
    expect(await getDb().reminder.count({ where: { userId: { in: [off.user.id, unconfirmed.user.id] } } })).toBe(0);
  });

  it("two passes running at once send each target reminder exactly once", async () => {
    const people = await Promise.all([person({ name: "One" }), person({ name: "Two" }), person({ name: "Three" })]);
    for (const { cookie } of people) {
      await setItem(cookie, { status: "in_progress", targetOn: "2032-05-10" });
      await call(putPlan, "PUT", "/api/plan", { cookie, body: { targetRungId: "senior-mle", targetDate: "2032-05-10" } });
    }
    await Promise.all([runReminderPass({ date: "2032-05-03" }), runReminderPass({ date: "2032-05-03" })]);
    await Promise.all([runReminderPass({ date: "2032-05-11" }), runReminderPass({ date: "2032-05-11" })]);
    for (const { user } of people) expect(targetMails(user.email), user.name ?? "").toHaveLength(4);
    const rows = await getDb().reminder.count({ where: { userId: { in: people.map((p) => p.user.id) }, kind: "target", status: "sent" } });
    expect(rows).toBe(12);
  });
});

describe("weekly digest", () => {
  it("lists open items' target dates under what is next", async () => {
    const { user, cookie } = await person();
    await call(putReminders, "PUT", "/api/reminders", { cookie, body: { weeklyDigest: true } });
    await setItem(cookie, { status: "in_progress", targetOn: "2033-02-20" });
    await runReminderPass({ date: "2033-02-07" });
    const digest = await smtp.waitForMail((m) => m.to === user.email && m.subject === "Your week on Ladder");
    expect(digest.text).toContain(`${TITLE}: target date 2033-02-20`);
  });
});
