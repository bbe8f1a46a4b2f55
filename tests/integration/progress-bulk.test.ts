import { describe, expect, it } from "vitest";
import { PATCH as patchProgress } from "@/app/api/progress/route";
import { createCustomCertification } from "@/lib/certifications";
import { getDb } from "@/lib/db";
import { setItemProgress } from "@/lib/progress";
import { authedRequest, createSignedInUser } from "../helpers/auth";
import { createTestUser } from "../helpers/progress-fixtures";

// PATCH /api/progress: one status for several items (the first-visit step), all or nothing.

const patch = (cookie: string, body: unknown) =>
  patchProgress(authedRequest("/api/progress", { method: "PATCH", cookie, body: typeof body === "string" ? body : JSON.stringify(body) }), {});

const rows = async (userId: string) =>
  (await getDb().progress.findMany({ where: { userId }, orderBy: { itemId: "asc" } })).map((row) => [row.itemId, row.status]);

describe("PATCH /api/progress", () => {
  it("marks several items at once, with one history event per item and one for the rung", async () => {
    const { user, cookie } = await createSignedInUser();
    await setItemProgress(user.id, "gain-practical-experience", { status: "in_progress", note: "kept" });
    const response = await patch(cookie, { itemIds: ["bachelors-computer-science", "gain-practical-experience", "programming-languages"], status: "done" });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { itemId: string; status: string; note: string | null }[] };
    expect(items.map((item) => [item.itemId, item.status, item.note])).toEqual([
      ["bachelors-computer-science", "done", null],
      ["gain-practical-experience", "done", "kept"],
      ["programming-languages", "done", null],
    ]);
    expect(await rows(user.id)).toEqual([
      ["bachelors-computer-science", "done"],
      ["gain-practical-experience", "done"],
      ["programming-languages", "done"],
    ]);
    const events = await getDb().progressEvent.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "asc" }, { itemId: "asc" }] });
    expect(events.map((e) => [e.itemId, e.fromStatus, e.toStatus])).toEqual([
      ["gain-practical-experience", null, "in_progress"],
      ["bachelors-computer-science", null, "done"],
      ["gain-practical-experience", "in_progress", "done"],
      ["ladder-rung", null, "todo"],
      ["programming-languages", null, "done"],
    ]);
    expect(JSON.parse(events.find((e) => e.itemId === "ladder-rung")?.changes ?? "{}")).toEqual({ rung: [null, "junior-mle"] });

    // The same request again changes nothing and records nothing.
    expect((await patch(cookie, { itemIds: ["programming-languages", "bachelors-computer-science"], status: "done" })).status).toBe(200);
    expect(await getDb().progressEvent.count({ where: { userId: user.id } })).toBe(events.length);
  });

  it("changes nothing when one item is unknown or another person's (404), or the body is invalid (400)", async () => {
    const { user, cookie } = await createSignedInUser();
    const stranger = await createTestUser();
    const theirs = await createCustomCertification(stranger.id, { title: "Their certification", issuer: "Issuer" });
    await setItemProgress(user.id, "build-a-network", { status: "in_progress" });
    const before = await rows(user.id);

    for (const itemId of ["no-such-item", theirs.id, "ladder"]) {
      const response = await patch(cookie, { itemIds: ["seek-mentoring", itemId], status: "done" });
      expect(response.status, itemId).toBe(404);
      expect(await response.json()).toEqual({ error: expect.objectContaining({ code: "not_found", message: expect.any(String) }) });
    }
    for (const body of [
      { itemIds: [], status: "done" },
      { itemIds: ["seek-mentoring", "seek-mentoring"], status: "done" },
      { itemIds: ["seek-mentoring"], status: "finished" },
      { itemIds: ["seek-mentoring"], status: "done", note: "no" },
      { itemIds: Array.from({ length: 101 }, (_, i) => `item-${i}`), status: "done" },
      "not json",
    ]) {
      const response = await patch(cookie, body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(await response.json()).toEqual({ error: expect.objectContaining({ code: "invalid_input" }) });
    }
    expect(await rows(user.id)).toEqual(before);
    expect(await rows(stranger.id)).toEqual([]);
  });

  it("answers 401 signed out", async () => {
    const response = await patch("", { itemIds: ["seek-mentoring"], status: "done" });
    expect(response.status).toBe(401);
  });
});
