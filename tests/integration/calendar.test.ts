import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET as getFeed } from "@/app/api/calendar/[token]/route";
import { DELETE as deleteCalendar, GET as getCalendar, POST as postCalendar } from "@/app/api/calendar/route";
import { PUT as putPlan } from "@/app/api/plan/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { addDays, todayUtc } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { authedRequest, createSignedInUser } from "../helpers/auth";

// The calendar feed, read back with an independent parser (ical.js), event by event.

const TODAY = todayUtc();
const AWS = "aws-certified-machine-learning";

async function signedIn() {
  const { user, cookie } = await createSignedInUser();
  const put = (itemId: string, body: unknown) =>
    putProgress(authedRequest(`/api/progress/${itemId}`, { method: "PUT", cookie, body: JSON.stringify(body) }), { params: Promise.resolve({ itemId }) });
  const plan = (body: unknown) => putPlan(authedRequest("/api/plan", { method: "PUT", cookie, body: JSON.stringify(body) }), {});
  const newLink = async () => {
    const response = await postCalendar(authedRequest("/api/calendar", { method: "POST", cookie }), {});
    expect(response.status).toBe(201);
    return ((await response.json()) as { url: string }).url;
  };
  return { user, cookie, put, plan, newLink };
}

async function fetchFeed(url: string): Promise<Response> {
  const token = new URL(url).pathname.split("/").pop() as string;
  return getFeed(new Request(url), { params: Promise.resolve({ token }) });
}

type ParsedEvent = { uid: string; summary: string; description: string; start: string; isDate: boolean; sequence: number; alarms: string[] };

async function readFeed(url: string): Promise<ParsedEvent[]> {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      isDate: event.startDate.isDate,
      sequence: event.sequence,
      alarms: component.getAllSubcomponents("valarm").map((alarm) => String(alarm.getFirstPropertyValue("trigger"))),
    };
  });
}

describe("calendar feed", () => {
  it("holds item targets, the goal date and renewals with an alarm, all-day, without notes or links", async () => {
    const { put, plan, newLink } = await signedIn();
    const target = addDays(TODAY, 20);
    const goal = addDays(TODAY, 200);
    const expires = addDays(TODAY, 300);
    await put("seek-mentoring", { status: "in_progress", targetOn: target, note: "secret note", evidenceUrl: "https://example.com/private" });
    await put(AWS, { status: "done", completedOn: addDays(TODAY, -10), expiresOn: expires, note: "cert note", evidenceUrl: "https://example.com/cert" });
    await put("build-a-network", { status: "done", targetOn: addDays(TODAY, 3) });
    await plan({ targetRungId: "senior-mle", targetDate: goal });
    const url = await newLink();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const events = await readFeed(url);
    expect(events.map((e) => ({ summary: e.summary, start: e.start, isDate: e.isDate, sequence: e.sequence, alarms: e.alarms }))).toEqual([
      { summary: "Target: Seek Mentoring", start: target, isDate: true, sequence: 1, alarms: [] },
      { summary: "Goal: reach Senior Machine Learning Engineer", start: goal, isDate: true, sequence: 1, alarms: [] },
      { summary: "Renew: AWS Certified Machine Learning expires", start: expires, isDate: true, sequence: 1, alarms: ["-P30D"] },
    ]);
    for (const event of events) {
      expect(event.uid).toMatch(/@ladder$/);
      expect(`${event.summary} ${event.description}`).not.toMatch(/secret note|cert note|example\.com/);
    }
  });

  it("keeps UIDs and raises SEQUENCE when a date changes", async () => {
    const { put, plan, newLink } = await signedIn();
    await put("seek-mentoring", { status: "todo", targetOn: addDays(TODAY, 20) });
    await plan({ targetDate: addDays(TODAY, 90) });
    const url = await newLink();
    const before = await readFeed(url);

    await put("seek-mentoring", { status: "todo", targetOn: addDays(TODAY, 40) });
    await plan({ targetDate: addDays(TODAY, 120) });
    // A change to other fields is no change of the date.
    await put("seek-mentoring", { status: "in_progress", note: "started" });
    const after = await readFeed(url);

    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(before.map((e) => e.sequence)).toEqual([1, 1]);
    expect(after.map((e) => [e.start, e.sequence])).toEqual([
      [addDays(TODAY, 40), 2],
      [addDays(TODAY, 120), 2],
    ]);
    expect(after[1]?.summary).toBe("Goal: reach your next rung");
  });

  it("rotating makes the old link 404; revoking makes every link 404; unknown tokens are 404", async () => {
    const { cookie, newLink, user } = await signedIn();
    const first = await newLink();
    const second = await newLink();
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    // Only the hash is stored, never the token.
    const row = await getDb().calendarFeed.findUnique({ where: { userId: user.id } });
    const token = new URL(second).pathname.split("/").pop()?.replace(".ics", "") as string;
    expect(JSON.stringify(row)).not.toContain(token);

    const status = await getCalendar(authedRequest("/api/calendar", { cookie }), {});
    expect(await status.json()).toEqual({ active: true });
    const revoked = await deleteCalendar(authedRequest("/api/calendar", { method: "DELETE", cookie }), {});
    expect(revoked.status).toBe(204);
    expect((await fetchFeed(second)).status).toBe(404);
    expect(await (await getCalendar(authedRequest("/api/calendar", { cookie }), {})).json()).toEqual({ active: false });

    for (const bad of ["nothing.ics", `${"A".repeat(43)}.ics`, token, `${token}.ics.ics`]) {
      const response = await getFeed(new Request(`http://localhost:3000/api/calendar/${bad}`), { params: Promise.resolve({ token: bad }) });
      expect(response.status, bad).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
