import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { authedRequest, createSignedInUser, randomIp } from "../helpers/auth";
import { dispatch, findApiRoutes } from "../helpers/routes";

// Mentors with consent, level by level: what each access level receives, that a stranger and a
// revoked mentor get 404, that invitations are single-use and expire, and that no route lets
// a mentor change the person's progress.

const routes = findApiRoutes();

type Person = Awaited<ReturnType<typeof createSignedInUser>>;

async function call(person: Person | null, method: string, path: string, body?: unknown) {
  const response = await dispatch(
    routes,
    authedRequest(path, { method, cookie: person?.cookie ?? null, ip: randomIp(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
  );
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: the tests read API answers field by field
  return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, any>) : null };
}

async function personWithProgress() {
  const person = await createSignedInUser({ name: "Mentee Person" });
  expect((await call(person, "PUT", "/api/progress/bachelors-computer-science", { status: "done", completedOn: "2019-06-28", note: "SECRET-NOTE-degree" })).status).toBe(200);
  expect((await call(person, "PUT", "/api/progress/build-a-network", { status: "in_progress", evidenceUrl: "https://evidence.example/secret-link" })).status).toBe(200);
  return person;
}

async function invite(person: Person, email: string, access: string) {
  const response = await call(person, "POST", "/api/mentors", { email, access });
  expect(response.status, response.text).toBe(201);
  const url = response.json?.url as string;
  return { url, token: new URL(url).searchParams.get("token") ?? "", invitation: response.json?.invitation };
}

/** A person with a mentor who accepted at `access`; returns both and the grant id. */
async function mentored(access: "summary" | "checklist" | "notes") {
  const person = await personWithProgress();
  const mentor = await createSignedInUser({ name: "Mentor Person" });
  const { token } = await invite(person, mentor.user.email, access);
  const accepted = await call(mentor, "POST", "/api/mentors/accept", { token });
  expect(accepted.status, accepted.text).toBe(200);
  return { person, mentor, grantId: accepted.json?.mentee.id as string };
}

async function progressSnapshot(userId: string) {
  return JSON.stringify(await getDb().progress.findMany({ where: { userId }, orderBy: { itemId: "asc" } }));
}

describe("invitations", () => {
  it("are stored only as a hash, link to the accept page, and are single-use", async () => {
    const person = await personWithProgress();
    const { url, token, invitation } = await invite(person, "Someone@Example.com", "checklist");
    expect(url).toMatch(/^http:\/\/localhost:3000\/mentoring\/accept\?token=[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ email: "someone@example.com", access: "checklist" });
    const row = await getDb().mentorInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(new Date(row.expiresAt).getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);

    const first = await createSignedInUser();
    const second = await createSignedInUser();
    expect((await call(first, "POST", "/api/mentors/accept", { token })).status).toBe(200);
    const again = await call(second, "POST", "/api/mentors/accept", { token });
    expect(again.status).toBe(400);
    expect(again.json?.error.code).toBe("invalid_input");
    expect((await call(second, "GET", "/api/mentees")).json?.mentees).toEqual([]);
    const mentors = (await call(person, "GET", "/api/mentors")).json;
    expect(mentors?.mentors).toHaveLength(1);
    expect(mentors?.invitations).toEqual([]);
  });

  it("expire, cannot be accepted by the person themselves, and refuse bad input", async () => {
    const person = await personWithProgress();
    const mentor = await createSignedInUser();
    const { token, invitation } = await invite(person, mentor.user.email, "summary");
    expect((await call(person, "POST", "/api/mentors/accept", { token })).status).toBe(400);
    await getDb().mentorInvitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(mentor, "POST", "/api/mentors/accept", { token })).status).toBe(400);
    expect((await call(mentor, "GET", "/api/mentees")).json?.mentees).toEqual([]);

    expect((await call(person, "POST", "/api/mentors", { email: "not-an-email", access: "notes" })).status).toBe(400);
    expect((await call(person, "POST", "/api/mentors", { email: "a@example.com", access: "everything" })).status).toBe(400);
    expect((await call(person, "POST", "/api/mentors", { email: "a@example.com", access: "notes", role: "admin" })).status).toBe(400);
    expect((await call(person, "POST", "/api/mentors", { email: `${"a".repeat(250)}@example.com`, access: "notes" })).status).toBe(400);
    expect((await call(person, "POST", "/api/mentors", { email: person.user.email, access: "notes" })).status).toBe(400);
    expect((await call(mentor, "POST", "/api/mentors/accept", { token: "x".repeat(500) })).status).toBe(400);
  });
});

describe("what each access level receives", () => {
  it("summary: position and progress, never a status, a date, a note or an evidence link", async () => {
    const { mentor, grantId } = await mentored("summary");
    const view = await call(mentor, "GET", `/api/mentees/${grantId}`);
    expect(view.status).toBe(200);
    expect(view.json?.mentee.plan.summary).toMatchObject({ done: 1, inProgress: 1 });
    expect(view.json?.mentee.items).toBeUndefined();
    for (const secret of ["SECRET-NOTE", "evidence.example", "in_progress", '"status"', "2019-06-28"]) expect(view.text).not.toContain(secret);
  });

  it("checklist: plus statuses and dates, never a note or an evidence link", async () => {
    const { mentor, grantId } = await mentored("checklist");
    const view = await call(mentor, "GET", `/api/mentees/${grantId}`);
    const items = view.json?.mentee.items as { itemId: string; status: string; completedOn: string | null }[];
    expect(items.find((item) => item.itemId === "build-a-network")?.status).toBe("in_progress");
    expect(items.find((item) => item.itemId === "bachelors-computer-science")?.completedOn).toBe("2019-06-28");
    for (const secret of ["SECRET-NOTE", "evidence.example", '"note"', '"evidenceUrl"']) expect(view.text).not.toContain(secret);
  });

  it("notes: plus notes and evidence links; the person sees when the mentor last looked", async () => {
    const { person, mentor, grantId } = await mentored("notes");
    expect((await call(person, "GET", "/api/mentors")).json?.mentors[0].lastViewedAt).toBeNull();
    const view = await call(mentor, "GET", `/api/mentees/${grantId}`);
    expect(view.text).toContain("SECRET-NOTE-degree");
    expect(view.text).toContain("https://evidence.example/secret-link");
    expect((await call(person, "GET", "/api/mentors")).json?.mentors[0].lastViewedAt).not.toBeNull();
  });

  it("a lower level applies to the mentor's next request", async () => {
    const { person, mentor, grantId } = await mentored("notes");
    expect((await call(mentor, "GET", `/api/mentees/${grantId}`)).text).toContain("SECRET-NOTE");
    expect((await call(person, "PATCH", `/api/mentors/${grantId}`, { access: "summary" })).status).toBe(200);
    const after = await call(mentor, "GET", `/api/mentees/${grantId}`);
    expect(after.text).not.toContain("SECRET-NOTE");
    expect(after.text).not.toContain('"status"');
    expect((await call(person, "PATCH", `/api/mentors/${grantId}`, { access: "owner" })).status).toBe(400);
  });
});

describe("strangers, revoked mentors and writes", () => {
  it("a stranger gets 404 for another person's mentee view and comments", async () => {
    const { grantId } = await mentored("notes");
    const stranger = await createSignedInUser();
    const view = await call(stranger, "GET", `/api/mentees/${grantId}`);
    expect(view.status).toBe(404);
    expect(view.text).not.toContain("SECRET-NOTE");
    expect((await call(stranger, "POST", `/api/mentees/${grantId}/comments`, { itemId: null, text: "hi" })).status).toBe(404);
  });

  it("a revoked mentor gets 404 on the next request and the person's table loses them", async () => {
    const { person, mentor, grantId } = await mentored("notes");
    expect((await call(mentor, "GET", "/api/mentees")).json?.mentees).toHaveLength(1);
    expect((await call(person, "DELETE", `/api/mentors/${grantId}`)).status).toBe(204);
    expect((await call(mentor, "GET", `/api/mentees/${grantId}`)).status).toBe(404);
    expect((await call(mentor, "POST", `/api/mentees/${grantId}/comments`, { itemId: null, text: "still here?" })).status).toBe(404);
    expect((await call(mentor, "GET", "/api/mentees")).json?.mentees).toEqual([]);
    expect((await call(person, "GET", "/api/mentors")).json?.mentors).toEqual([]);
  });

  it("no route lets a mentor change the person's progress", async () => {
    const { person, mentor, grantId } = await mentored("notes");
    const before = await progressSnapshot(person.user.id);
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect((await call(mentor, method, `/api/mentees/${grantId}`, { status: "done" })).status).toBe(405);
    }
    expect((await call(mentor, "PUT", "/api/progress/build-a-network", { status: "done" })).status).toBe(200);
    expect((await call(mentor, "POST", `/api/mentees/${grantId}/comments`, { itemId: "build-a-network", text: "Nice", status: "done" })).status).toBe(400);
    expect(await progressSnapshot(person.user.id)).toBe(before);
  });
});

describe("comments", () => {
  it("a mentor comments, the person reads them as stored text and deletes them; the mentor cannot", async () => {
    const { person, mentor, grantId } = await mentored("summary");
    const script = "<script>alert('x')</script> & <b>bold</b>";
    const posted = await call(mentor, "POST", `/api/mentees/${grantId}/comments`, { itemId: "build-a-network", text: script });
    expect(posted.status, posted.text).toBe(201);
    const comments = (await call(person, "GET", "/api/comments")).json?.comments as { id: string; text: string; itemTitle: string; authorName: string }[];
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ text: script, authorName: "Mentor Person" });
    expect(comments[0]?.itemTitle).toContain("Network");
    const id = comments[0]?.id ?? "";
    expect((await call(mentor, "DELETE", `/api/comments/${id}`)).status).toBe(404);
    expect((await call(person, "DELETE", `/api/comments/${id}`)).status).toBe(204);
    expect((await call(person, "GET", "/api/comments")).json?.comments).toEqual([]);
  });

  it("are validated and length-limited", async () => {
    const { mentor, grantId } = await mentored("checklist");
    const post = (body: unknown) => call(mentor, "POST", `/api/mentees/${grantId}/comments`, body);
    expect((await post({ itemId: null, text: "   " })).status).toBe(400);
    expect((await post({ itemId: null, text: "x".repeat(2001) })).status).toBe(400);
    expect((await post({ itemId: "no-such-item", text: "hi" })).status).toBe(400);
    expect((await post({ text: "hi" })).status).toBe(400);
    expect((await post({ itemId: null, text: "x".repeat(2000) })).status).toBe(201);
  });

  it("are limited per mentor and person per day", async () => {
    const { person, mentor, grantId } = await mentored("summary");
    await getDb().mentorComment.createMany({
      data: Array.from({ length: 49 }, (_, i) => ({ userId: person.user.id, authorId: mentor.user.id, text: `earlier ${i}` })),
    });
    expect((await call(mentor, "POST", `/api/mentees/${grantId}/comments`, { itemId: null, text: "fiftieth" })).status).toBe(201);
    const refused = await call(mentor, "POST", `/api/mentees/${grantId}/comments`, { itemId: null, text: "one too many" });
    expect(refused.status).toBe(429);
    expect(await getDb().mentorComment.count({ where: { userId: person.user.id } })).toBe(50);
  });
});

describe("account deletion", () => {
  it("removes the share link, invitations, grants and comments on both sides", async () => {
    const { person, mentor, grantId } = await mentored("notes");
    expect((await call(person, "POST", "/api/share")).status).toBe(201);
    await invite(person, "later@example.com", "summary");
    expect((await call(mentor, "POST", `/api/mentees/${grantId}/comments`, { itemId: null, text: "hello" })).status).toBe(201);
    const deleted = await call(mentor, "DELETE", "/api/account", { password: mentor.password });
    expect(deleted.status).toBe(204);
    const db = getDb();
    expect(await db.mentorGrant.count({ where: { mentorId: mentor.user.id } })).toBe(0);
    expect(await db.mentorComment.count({ where: { authorId: mentor.user.id } })).toBe(0);
    expect((await call(person, "DELETE", "/api/account", { password: person.password })).status).toBe(204);
    expect(await db.shareLink.count({ where: { userId: person.user.id } })).toBe(0);
    expect(await db.mentorInvitation.count({ where: { userId: person.user.id } })).toBe(0);
  });
});

describe("the mentor's table shows the person's goal", () => {
  it("at every level: the goal rung and date from their plan, on track as their own forecast says", async () => {
    for (const access of ["summary", "checklist", "notes"] as const) {
      const { person, mentor, grantId } = await mentored(access);
      const row = () => call(mentor, "GET", "/api/mentees").then((answer) => answer.json?.mentees.find((m: { id: string }) => m.id === grantId));
      // No plan yet: no goal, nothing to be on track for.
      expect(await row()).toMatchObject({ goal: null, onTrack: null });

      expect((await call(person, "PUT", "/api/plan", { targetRungId: "senior-mle", targetDate: "2031-03-31" })).status).toBe(200);
      const own = (await call(person, "GET", "/api/plan")).json?.forecast;
      const seen = await row();
      expect(seen.goal).toEqual({ rungId: "senior-mle", rungTitle: "Senior Machine Learning Engineer", date: "2031-03-31", reached: false, weeksBehind: own.weeksBehind });
      expect(seen.onTrack).toBe(own.onTrack);

      // A change to the plan shows on the next request.
      expect((await call(person, "PUT", "/api/plan", { targetRungId: null, targetDate: null })).status).toBe(200);
      expect(await row()).toMatchObject({ goal: null, onTrack: null });
    }
  });
});
