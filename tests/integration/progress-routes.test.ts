import { describe, expect, it } from "vitest";
import { GET as getCertifications, POST as postCertification } from "@/app/api/certifications/route";
import { GET as getExport } from "@/app/api/export/route";
import { GET as getHistory } from "@/app/api/history/route";
import { POST as postImport } from "@/app/api/import/route";
import { GET as getLadder } from "@/app/api/ladder/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { GET as getProgress } from "@/app/api/progress/route";
import { PUT as putTrack } from "@/app/api/track/route";
import * as authHelpers from "../helpers/auth";
import { authedRequest, createSignedInUser } from "../helpers/auth";

// Route handlers called directly with real Requests against the real test database.
// The signed-in cases need the accounts branch's session cookies; while its placeholder
// helper is in place (it exports isAuthPlaceholder) only the signed-out cases can run.
const hasSessions = !("isAuthPlaceholder" in authHelpers);
const BASE = "http://localhost:3000";

const params = (itemId: string) => ({ params: Promise.resolve({ itemId }) });
const jsonInit = (method: string, body: unknown, cookie: string) => ({
  method,
  cookie,
  headers: { "Content-Type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  return body.error as { code: string; message: string; field?: string };
}

describe("progress API, signed out", () => {
  it("answers 401 with the error shape on every endpoint", async () => {
    const req = (path: string, init: RequestInit = {}) => new Request(`${BASE}${path}`, init);
    const body = (value: unknown) => ({ method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
    const responses = [
      await getProgress(req("/api/progress"), {}),
      await putProgress(req("/api/progress/seek-mentoring", body({ status: "done" })), params("seek-mentoring")),
      await getLadder(req("/api/ladder"), {}),
      await getCertifications(req("/api/certifications"), {}),
      await postCertification(req("/api/certifications", { ...body({ title: "A", issuer: "B" }), method: "POST" }), {}),
      await getExport(req("/api/export"), {}),
      await postImport(req("/api/import", { ...body({}), method: "POST" }), {}),
      await putTrack(req("/api/track", body({ trackId: null })), {}),
      await getHistory(req("/api/history"), {}),
    ];
    for (const response of responses) await expectError(response, 401, "unauthorized");
  });

  it("answers 403 to a write from another site, before anything else", async () => {
    const response = await putProgress(
      new Request(`${BASE}/api/progress/seek-mentoring`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
        body: JSON.stringify({ status: "done" }),
      }),
      params("seek-mentoring"),
    );
    await expectError(response, 403, "forbidden");
  });
});

describe.runIf(hasSessions)("progress API, signed in", () => {
  it("PUT /api/progress/:itemId is an idempotent upsert answering {item}", async () => {
    const { cookie } = await createSignedInUser();
    const send = () =>
      putProgress(
        authedRequest(`${BASE}/api/progress/build-a-network`, jsonInit("PUT", { status: "done", completedOn: "2025-03-01", note: "Joined a meetup" }, cookie)),
        params("build-a-network"),
      );
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const { item } = await second.json();
    expect(item).toEqual({
      itemId: "build-a-network",
      status: "done",
      completedOn: "2025-03-01",
      expiresOn: null,
      note: "Joined a meetup",
      evidenceUrl: null,
      targetOn: null,
      updatedAt: expect.any(String),
    });
    const list = await (await getProgress(authedRequest(`${BASE}/api/progress`, { cookie }), {})).json();
    expect(list).toEqual({ items: [item], summary: { done: 1, inProgress: 0, skipped: 0, total: 23 } });
    const history = await (await getHistory(authedRequest(`${BASE}/api/history`, { cookie }), {})).json();
    expect(history.events).toHaveLength(1);
    expect(history.doneOverTime).toHaveLength(1);
  });

  it("refuses bad input with 400, unknown items with 404, big bodies with 413, and changes nothing", async () => {
    const { cookie } = await createSignedInUser();
    const put = (itemId: string, body: unknown) =>
      putProgress(authedRequest(`${BASE}/api/progress/${itemId}`, jsonInit("PUT", body, cookie)), params(itemId));
    await put("seek-mentoring", { status: "in_progress" });

    for (const body of [
      { status: "finished" },
      { status: "done", completedOn: "2026-02-30" },
      { status: "done", evidenceUrl: "javascript:alert(1)" },
      { status: "done", note: "n".repeat(2001) },
      { status: "done", surprise: true },
      "{not json",
    ]) {
      await expectError(await put("seek-mentoring", body), 400, "invalid_input");
    }
    const unknownField = await expectError(await put("seek-mentoring", { status: "done", surprise: 1 }), 400, "invalid_input");
    expect(unknownField.message).toContain("surprise");
    await expectError(await put("no-such-item", { status: "done" }), 404, "not_found");
    await expectError(await put("seek-mentoring", { status: "done", note: "n".repeat(17 * 1024) }), 413, "payload_too_large");

    const list = await (await getProgress(authedRequest(`${BASE}/api/progress`, { cookie }), {})).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ itemId: "seek-mentoring", status: "in_progress", note: null });
  });

  it("a person's own certification works for them only, and counts on the ladder", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    const created = await postCertification(
      authedRequest(`${BASE}/api/certifications`, jsonInit("POST", { title: "Databricks ML", issuer: "Databricks" }, alice.cookie)),
      {},
    );
    expect(created.status).toBe(201);
    const { certification } = await created.json();
    expect(certification).toEqual({ id: expect.any(String), title: "Databricks ML", issuer: "Databricks" });

    const mine = await putProgress(
      authedRequest(`${BASE}/api/progress/${certification.id}`, jsonInit("PUT", { status: "done", expiresOn: "2030-01-01" }, alice.cookie)),
      params(certification.id),
    );
    expect(mine.status).toBe(200);
    const theirs = await putProgress(
      authedRequest(`${BASE}/api/progress/${certification.id}`, jsonInit("PUT", { status: "done" }, bob.cookie)),
      params(certification.id),
    );
    await expectError(theirs, 404, "not_found");
    const bobs = await (await getCertifications(authedRequest(`${BASE}/api/certifications`, { cookie: bob.cookie }), {})).json();
    expect(bobs).toEqual({ certifications: [] });

    const ladder = await (await getLadder(authedRequest(`${BASE}/api/ladder`, { cookie: alice.cookie }), {})).json();
    expect(ladder).toMatchObject({ current: null, next: { id: "junior-mle", title: "Junior Machine Learning Engineer", salaryMin: 84563, salaryMax: 109500 } });
    expect(ladder.levels.map((l: { id: string; reached: boolean }) => [l.id, l.reached])).toEqual([
      ["junior-mle", false],
      ["mle", false],
      ["senior-mle", false],
      ["ml-team-lead", false],
      ["director-of-ml", false],
    ]);
    expect(ladder.missing[0]).toEqual(expect.objectContaining({ title: expect.any(String), itemIds: expect.any(Array) }));
    // 1 of the 10 distinct requirements (a valid certification) is met.
    expect(ladder.overallPercent).toBe(10);
  });

  it("exports JSON and CSV as downloads, and the JSON imports into a fresh account", async () => {
    const source = await createSignedInUser();
    for (const itemId of ["bachelors-mathematics", "gain-practical-experience"]) {
      await putProgress(authedRequest(`${BASE}/api/progress/${itemId}`, jsonInit("PUT", { status: "done" }, source.cookie)), params(itemId));
    }
    await putTrack(authedRequest(`${BASE}/api/track`, jsonInit("PUT", { trackId: "research-mle" }, source.cookie)), {});

    const exported = await getExport(authedRequest(`${BASE}/api/export`, { cookie: source.cookie }), {});
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="ladder-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = await exported.text();
    const csv = await getExport(authedRequest(`${BASE}/api/export?format=csv`, { cookie: source.cookie }), {});
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("gain-practical-experience,Gain Practical Experience,,done,");
    await expectError(await getExport(authedRequest(`${BASE}/api/export?format=xml`, { cookie: source.cookie }), {}), 400, "invalid_input");

    const target = await createSignedInUser();
    const bad = await postImport(authedRequest(`${BASE}/api/import`, { method: "POST", cookie: target.cookie, body: file.replace('"version": 1', '"version": 9') }), {});
    await expectError(bad, 400, "invalid_input");
    const before = await (await getLadder(authedRequest(`${BASE}/api/ladder`, { cookie: target.cookie }), {})).json();
    expect(before.current).toBeNull();

    const imported = await postImport(authedRequest(`${BASE}/api/import`, { method: "POST", cookie: target.cookie, body: file }), {});
    expect(imported.status).toBe(200);
    expect((await imported.json()).restored).toMatchObject({ progress: 2, trackId: "research-mle" });
    const after = await (await getLadder(authedRequest(`${BASE}/api/ladder`, { cookie: target.cookie }), {})).json();
    expect(after.current?.id).toBe("junior-mle");
  });

  it("PUT /api/track refuses an unknown track", async () => {
    const { cookie } = await createSignedInUser();
    await expectError(await putTrack(authedRequest(`${BASE}/api/track`, jsonInit("PUT", { trackId: "astronaut" }, cookie)), {}), 400, "invalid_input");
    const ok = await putTrack(authedRequest(`${BASE}/api/track`, jsonInit("PUT", { trackId: "systems-mle" }, cookie)), {});
    expect(await ok.json()).toEqual({ trackId: "systems-mle" });
  });
});
