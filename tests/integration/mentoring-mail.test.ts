import { afterAll, describe, expect, it } from "vitest";
import { firstLink, startTestSmtp } from "../helpers/smtp";

// Mentor invitations go out by mail: a real SMTP server on loopback receives the invitation,
// and the invitee accepts through the link in it, as a person would.
const smtp = await startTestSmtp();
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "Ladder <ladder@example.com>";
// The app is imported only now, so its environment includes the SMTP server above.
const { settleBackgroundWork } = await import("@/lib/mail/background");
const { authedRequest, createSignedInUser, randomIp } = await import("../helpers/auth");
const { dispatch, findApiRoutes } = await import("../helpers/routes");

afterAll(async () => {
  await settleBackgroundWork();
  await smtp.stop();
  // The worker may run other test files next: they mail to data/outbox/ as before.
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

const routes = findApiRoutes();
type Person = Awaited<ReturnType<typeof createSignedInUser>>;

async function call(person: Person, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const request = authedRequest(path, { method, cookie: person.cookie, ip: randomIp(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  for (const [name, value] of Object.entries(headers ?? {})) request.headers.set(name, value);
  const response = await dispatch(routes, request);
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe("mentor invitation mail", () => {
  it("reaches the invitee with the inviter's name, the access level in words and a link that accepts", async () => {
    const person = await createSignedInUser({ name: "Ada Mentee" });
    const mentor = await createSignedInUser({ name: "Grace Mentor" });
    const invited = await call(person, "POST", "/api/mentors", { email: mentor.user.email, access: "checklist" });
    expect(invited.status, invited.text).toBe(201);

    const mail = await smtp.waitForMail((m) => m.to === mentor.user.email && (m.subject ?? "").includes("invites you"));
    expect(mail.subject).toBe("Ada Mentee invites you to mentor them on Ladder");
    expect(mail.text).toContain("the status and dates of each item");
    expect(mail.text).not.toContain("notes and evidence");
    const link = firstLink(mail, "/mentoring/accept");
    // The mailed link is the one shown in settings to copy.
    expect(link).toBe(invited.json?.url);

    const token = new URL(link).searchParams.get("token") ?? "";
    const accepted = await call(mentor, "POST", "/api/mentors/accept", { token });
    expect(accepted.status, accepted.text).toBe(200);
    const mentees = await call(mentor, "GET", "/api/mentees");
    expect(JSON.stringify(mentees.json)).toContain("Ada Mentee");
    // Single use: the mailed link does not work twice.
    expect((await call(mentor, "POST", "/api/mentors/accept", { token })).status).toBe(400);
  });

  it("names the inviter by email when they have no name, and says what a summary mentor sees", async () => {
    const person = await createSignedInUser({ name: null });
    const invitee = `invitee-${randomIp()}@example.com`;
    expect((await call(person, "POST", "/api/mentors", { email: invitee, access: "summary" })).status).toBe(201);
    const mail = await smtp.waitForMail((m) => m.to === invitee && (m.subject ?? "").includes("invites you"));
    expect(mail.subject).toBe(`${person.user.email} invites you to mentor them on Ladder`);
    expect(mail.text).toContain("where they stand on the ladder and their progress");
  });

  it("does not put a forged Host into the invitation or share links", async () => {
    const person = await createSignedInUser({ name: "Forged Host" });
    const invitee = `forged-${randomIp()}@example.com`;
    const invited = await call(person, "POST", "/api/mentors", { email: invitee, access: "summary" }, { host: "evil.example", origin: "http://evil.example" });
    expect(invited.status, invited.text).toBe(201);
    expect(new URL(String(invited.json?.url)).host).toBe("localhost:3000");
    const mail = await smtp.waitForMail((m) => m.to === invitee && (m.subject ?? "").includes("invites you"));
    expect(new URL(firstLink(mail, "/mentoring/accept")).host).toBe("localhost:3000");
    const shared = await call(person, "POST", "/api/share", {}, { host: "evil.example", origin: "http://evil.example" });
    expect(shared.status, shared.text).toBe(201);
    expect(new URL(String(shared.json?.url)).host).toBe("localhost:3000");
  });
});
