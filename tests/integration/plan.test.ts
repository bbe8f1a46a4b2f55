import { describe, expect, it } from "vitest";
import { GET as getExport } from "@/app/api/export/route";
import { POST as postImport } from "@/app/api/import/route";
import { GET as getPlan, PUT as putPlan } from "@/app/api/plan/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { addDays, todayUtc } from "@/lib/clock";
import { createCustomCertification } from "@/lib/certifications";
import { getDb } from "@/lib/db";
import { getPlan as readPlan, loadPlan } from "@/lib/plan";
import { authedRequest, createSignedInUser } from "../helpers/auth";
import { countQueries } from "../helpers/query-counter";

// The learning plan through its real route handlers and the real test database.

const TODAY = todayUtc();
const params = (itemId: string) => ({ params: Promise.resolve({ itemId }) });

async function signedIn() {
  const { user, cookie } = await createSignedInUser();
  const call = async (method: string, path: string, body?: unknown) => {
    const request = authedRequest(path, { method, cookie, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
    if (path === "/api/plan") return method === "GET" ? getPlan(request, {}) : putPlan(request, {});
    const itemId = path.replace("/api/progress/", "");
    return putProgress(request, params(itemId));
  };
  return { user, cookie, call };
}

const planRow = (userId: string) => getDb().plan.findUnique({ where: { userId } });

describe("PUT/GET /api/plan", () => {
  it("stores a goal and a date, answers {plan}, and clears both with nulls", async () => {
    const { user, call } = await signedIn();
    const targetDate = addDays(TODAY, 120);
    const put = await call("PUT", "/api/plan", { targetRungId: "senior-mle", targetDate });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ plan: { targetRungId: "senior-mle", targetDate } });

    const got = await (await call("GET", "/api/plan")).json();
    expect(got).toMatchObject({ targetRungId: "senior-mle", targetDate, overdue: [], upcoming: [] });
    expect(got.rungs.map((r: { shortTitle: string; reached: boolean }) => [r.shortTitle, r.reached])).toEqual([
      ["Junior MLE", false],
      ["MLE", false],
      ["Senior MLE", false],
      ["ML Team Lead", false],
      ["Director of ML", false],
    ]);
    // A new account has no history: no pace is guessed.
    expect(got.forecast).toMatchObject({ basis: "not_enough_history", perWeek: null, nextRungOn: null, targetRungOn: null, onTrack: null });

    const cleared = await call("PUT", "/api/plan", { targetRungId: null, targetDate: null });
    expect(await cleared.json()).toEqual({ plan: { targetRungId: null, targetDate: null } });
    expect(await planRow(user.id)).toMatchObject({ targetRungId: null, targetDate: null, revision: 2 });
  });

  it("refuses a past date, an unknown rung, a rung already reached, a malformed date and unknown fields, naming the field and storing nothing", async () => {
    const { user, call } = await signedIn();
    await call("PUT", "/api/plan", { targetRungId: "mle", targetDate: addDays(TODAY, 60) });
    const before = await planRow(user.id);
    await call("PUT", "/api/progress/earn-bachelors-degree", { status: "done" });
    await call("PUT", "/api/progress/gain-practical-experience", { status: "done" });

    const cases: [unknown, string][] = [
      [{ targetDate: addDays(TODAY, -3) }, "targetDate"],
      [{ targetRungId: "astronaut" }, "targetRungId"],
      [{ targetRungId: "junior-mle" }, "targetRungId"],
      [{ targetDate: "2027-02-30" }, "targetDate"],
      [{ targetDate: "next spring" }, "targetDate"],
      [{ targetRungId: "senior-mle", deadline: "soon" }, "deadline"],
    ];
    for (const [body, field] of cases) {
      const response = await call("PUT", "/api/plan", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: "invalid_input", field });
      expect(error.message).toContain(field);
    }
    expect(await planRow(user.id)).toEqual(before);
  });

  it("keeps a stored goal date that has since passed when the goal is saved again", async () => {
    const { user, call } = await signedIn();
    await call("PUT", "/api/plan", { targetRungId: "mle", targetDate: addDays(TODAY, 30) });
    const past = addDays(TODAY, -10);
    await getDb().plan.update({ where: { userId: user.id }, data: { targetDate: past } });
    const again = await call("PUT", "/api/plan", { targetRungId: "senior-mle", targetDate: past });
    expect(again.status).toBe(200);
    expect((await call("GET", "/api/plan")).status).toBe(200);
    expect(await planRow(user.id)).toMatchObject({ targetRungId: "senior-mle", targetDate: past });
  });

  it("lists overdue items and the ones due in the next 30 days; done items are neither", async () => {
    const { call, user } = await signedIn();
    const yesterday = addDays(TODAY, -1);
    expect((await call("PUT", "/api/progress/seek-mentoring", { status: "in_progress", targetOn: yesterday })).status).toBe(200);
    expect((await call("PUT", "/api/progress/build-a-network", { status: "todo", targetOn: addDays(TODAY, 10) })).status).toBe(200);
    expect((await call("PUT", "/api/progress/programming-languages", { status: "todo", targetOn: addDays(TODAY, 45) })).status).toBe(200);
    expect((await call("PUT", "/api/progress/gain-practical-experience", { status: "done", targetOn: addDays(TODAY, 5) })).status).toBe(200);

    const got = await (await call("GET", "/api/plan")).json();
    expect(got.overdue).toEqual([{ itemId: "seek-mentoring", targetOn: yesterday, title: "Seek Mentoring" }]);
    expect(got.upcoming).toEqual([{ itemId: "build-a-network", targetOn: addDays(TODAY, 10), title: "Build a Network" }]);

    // A past target stays when the row is saved again, but a new one in the past is refused.
    expect((await call("PUT", "/api/progress/seek-mentoring", { status: "in_progress", note: "still on it" })).status).toBe(200);
    const past = await call("PUT", "/api/progress/build-a-network", { status: "todo", targetOn: addDays(TODAY, -5) });
    expect(past.status).toBe(400);
    expect((await past.json()).error.field).toBe("targetOn");
    const bad = await call("PUT", "/api/progress/build-a-network", { status: "todo", targetOn: "tomorrow" });
    expect((await bad.json()).error.field).toBe("targetOn");
    const row = await getDb().progress.findUnique({ where: { userId_itemId: { userId: user.id, itemId: "build-a-network" } } });
    expect(row?.targetOn).toBe(addDays(TODAY, 10));
  });

  it("counts history from the first recorded change when no item has a completion date", async () => {
    const { user, call } = await signedIn();
    await call("PUT", "/api/progress/seek-mentoring", { status: "in_progress" });
    expect((await (await call("GET", "/api/plan")).json()).forecast).toMatchObject({ basis: "not_enough_history" });
    // The change was recorded three weeks ago: enough history, but nothing met in it.
    await getDb().progressEvent.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(`${addDays(TODAY, -21)}T12:00:00.000Z`) } });
    const { forecast } = await (await call("GET", "/api/plan")).json();
    expect(forecast).toMatchObject({ basis: "no_recent_progress", windowDays: 21, perWeek: 0 });
  });

  it("reads the goal, the first change and the whole progress in one statement, with a plan row or none", async () => {
    const { user, call } = await signedIn();
    const none = await countQueries(() => readPlan(user.id));
    expect(none.queries).toHaveLength(1);
    expect(none.result).toMatchObject({ targetRungId: null, targetDate: null, overdue: [], upcoming: [], forecast: { basis: "not_enough_history" } });

    const cert = await createCustomCertification(user.id, { title: "Vendor ML Cert", issuer: "Vendor" });
    await call("PUT", `/api/progress/${cert.id}`, { status: "in_progress", targetOn: addDays(TODAY, 3) });
    await call("PUT", "/api/progress/earn-bachelors-degree", { status: "done", completedOn: addDays(TODAY, -20) });
    await call("PUT", "/api/plan", { targetRungId: "senior-mle", targetDate: addDays(TODAY, 90) });
    await call("PUT", "/api/plan", { targetDate: addDays(TODAY, 100) });

    const full = await countQueries(() => readPlan(user.id));
    expect(full.queries).toHaveLength(1);
    expect(full.queries[0]).toMatch(/"Plan"/);
    expect(full.queries[0]).toMatch(/"Progress"/);
    // The person's own certification is named from the same read, the rung reached from the rows.
    expect(full.result).toMatchObject({ targetRungId: "senior-mle", targetDate: addDays(TODAY, 100), overdue: [] });
    expect(full.result.upcoming).toEqual([{ itemId: cert.id, targetOn: addDays(TODAY, 3), title: "Vendor ML Cert" }]);
    // The plan row read alone agrees: two saves, revision 2; history counted from the earliest completion.
    expect(await loadPlan(user.id)).toEqual({ targetRungId: "senior-mle", targetDate: addDays(TODAY, 100), revision: 2 });
    expect(full.result.forecast.windowDays).toBe(20);
  });

  it("forecasts from the person's own pace once there are two weeks of history", async () => {
    const { call } = await signedIn();
    await call("PUT", "/api/progress/earn-bachelors-degree", { status: "done", completedOn: addDays(TODAY, -20) });
    await call("PUT", "/api/progress/gain-practical-experience", { status: "done", completedOn: addDays(TODAY, -6) });
    await call("PUT", "/api/plan", { targetRungId: "mle", targetDate: addDays(TODAY, 7) });
    const { forecast } = await (await call("GET", "/api/plan")).json();
    // Two requirements in 20 days: 0.7 a week; MLE needs two more, about 20 days away.
    expect(forecast).toMatchObject({ basis: "pace", perWeek: 0.7, nextRungId: "mle", nextRungOn: addDays(TODAY, 20), onTrack: false, weeksBehind: 2 });
    expect(forecast.targetRungOn).toBe(forecast.nextRungOn);
  });

  it("export carries the plan's dates on progress rows, and an older file without them still imports", async () => {
    const { cookie, call } = await signedIn();
    const target = addDays(TODAY, 14);
    await call("PUT", "/api/progress/seek-mentoring", { status: "in_progress", targetOn: target });
    await call("PUT", "/api/plan", { targetRungId: "senior-mle", targetDate: addDays(TODAY, 300) });
    const exported = await (await getExport(authedRequest("/api/export", { cookie }), {})).json();
    expect(exported.plan).toEqual({ targetRungId: "senior-mle", targetDate: addDays(TODAY, 300) });
    expect(exported.progress[0]).toMatchObject({ itemId: "seek-mentoring", targetOn: target });
    expect(exported.history[0].changes.targetOn).toEqual([null, target]);

    const other = await signedIn();
    const imported = await postImport(authedRequest("/api/import", { method: "POST", cookie: other.cookie, body: JSON.stringify(exported) }), {});
    expect(imported.status).toBe(200);
    expect(await (await other.call("GET", "/api/plan")).json()).toMatchObject({
      targetRungId: "senior-mle",
      targetDate: addDays(TODAY, 300),
      upcoming: [{ itemId: "seek-mentoring", targetOn: target, title: "Seek Mentoring" }],
    });

    // A file from before plans: no plan, no targetOn on its rows.
    const { targetOn: _dropped, ...olderRow } = exported.progress[0];
    const { plan: _noPlan, ...olderFile } = exported;
    const older = { ...olderFile, progress: [olderRow], history: [] };
    const third = await signedIn();
    const response = await postImport(authedRequest("/api/import", { method: "POST", cookie: third.cookie, body: JSON.stringify(older) }), {});
    expect(response.status).toBe(200);
    expect(await (await third.call("GET", "/api/plan")).json()).toMatchObject({ targetRungId: null, targetDate: null, upcoming: [] });

    const badRung = await postImport(
      authedRequest("/api/import", { method: "POST", cookie: third.cookie, body: JSON.stringify({ ...exported, plan: { targetRungId: "astronaut", targetDate: null } }) }),
      {},
    );
    expect(badRung.status).toBe(400);
    expect((await badRung.json()).error.field).toBe("plan.targetRungId");
  });
});
