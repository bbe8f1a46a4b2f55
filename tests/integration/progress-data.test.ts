import { describe, expect, it } from "vitest";
import { createCustomCertification, listCustomCertifications } from "@/lib/certifications";
import { getDb, readRows, sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createCertificationSchema } from "@/lib/certifications/schemas";
import { getLadderPosition, getProgress, setItemProgress, setTrack } from "@/lib/progress";
import { progressUpdateSchema, setTrackSchema } from "@/lib/progress/schemas";
import { parseInput } from "@/lib/validation";
import { AWS, countRows, createTestUser, GOOGLE, SKILL_IDS } from "../helpers/progress-fixtures";

const TODAY = "2026-06-15";

/** Input as a route handler passes it (parsed with the shared schema); a refused parse rejects like any AppError. */
async function viaSchema<T>(call: () => Promise<T>): Promise<T> {
  return call();
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function reachMle(userId: string, certId: string = AWS, expiresOn: string | null = null) {
  for (const id of ["earn-bachelors-degree", "gain-practical-experience", ...SKILL_IDS]) {
    await setItemProgress(userId, id, { status: "done" });
  }
  await setItemProgress(userId, certId, { status: "done", completedOn: "2024-03-01", expiresOn });
}

describe("setItemProgress: an idempotent upsert with history", () => {
  it("stores one row and one event when the same request is sent twice", async () => {
    const user = await createTestUser();
    const input = { status: "done", completedOn: "2025-05-01", note: "Passed", evidenceUrl: "https://example.com/cert" } as const;
    const first = await setItemProgress(user.id, "build-a-network", input);
    const second = await setItemProgress(user.id, "build-a-network", input);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ itemId: "build-a-network", status: "done", completedOn: "2025-05-01", note: "Passed" });
    expect(await countRows(user.id)).toMatchObject({ progress: 1, events: 1 });
    const [event] = await getDb().progressEvent.findMany({ where: { userId: user.id } });
    expect(event?.fromStatus).toBeNull();
    expect(event?.toStatus).toBe("done");
    expect(JSON.parse(event?.changes ?? "{}")).toEqual({
      status: ["todo", "done"],
      completedOn: [null, "2025-05-01"],
      note: [null, "Passed"],
      evidenceUrl: [null, "https://example.com/cert"],
    });
  });

  it("writes nothing for a request that changes nothing, including todo on an untouched item", async () => {
    const user = await createTestUser();
    const item = await setItemProgress(user.id, "seek-mentoring", { status: "todo" });
    expect(item).toMatchObject({ itemId: "seek-mentoring", status: "todo", updatedAt: null });
    expect(await countRows(user.id)).toMatchObject({ progress: 0, events: 0 });

    await setItemProgress(user.id, "seek-mentoring", { status: "in_progress", note: "Asked Ana" });
    await setItemProgress(user.id, "seek-mentoring", { status: "in_progress" });
    await setItemProgress(user.id, "seek-mentoring", { status: "in_progress", note: "Asked Ana" });
    expect(await countRows(user.id)).toMatchObject({ progress: 1, events: 1 });
  });

  it("keeps omitted fields, clears fields sent as null, and records each change", async () => {
    const user = await createTestUser();
    await setItemProgress(user.id, AWS, { status: "done", completedOn: "2024-01-10", expiresOn: "2027-01-10", note: "First try" });
    const kept = await setItemProgress(user.id, AWS, { status: "in_progress" });
    expect(kept).toMatchObject({ status: "in_progress", completedOn: "2024-01-10", expiresOn: "2027-01-10", note: "First try" });
    const cleared = await setItemProgress(user.id, AWS, { status: "in_progress", note: null, expiresOn: null });
    expect(cleared).toMatchObject({ note: null, expiresOn: null, completedOn: "2024-01-10" });
    const events = await getDb().progressEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, "done"],
      ["done", "in_progress"],
      ["in_progress", "in_progress"],
    ]);
    expect(JSON.parse(events[2]?.changes ?? "{}")).toEqual({ expiresOn: ["2027-01-10", null], note: ["First try", null] });
  });

  it("refuses invalid input and changes nothing", async () => {
    const user = await createTestUser();
    await setItemProgress(user.id, AWS, { status: "done", completedOn: "2024-01-10" });
    const before = await getProgress(user.id);

    const bad: unknown[] = [
      { status: "finished" },
      { status: "done", completedOn: "2026-02-30" },
      { status: "done", evidenceUrl: "javascript:alert(1)" },
      { status: "done", note: "x".repeat(2001) },
      { status: "done", extra: true },
      // Before the stored completion date: checked against the merged row.
      { status: "done", expiresOn: "2023-12-31" },
    ];
    for (const input of bad) {
      await expectAppError(viaSchema(() => setItemProgress(user.id, AWS, parseInput(progressUpdateSchema, input))), "invalid_input");
    }
    const error = await expectAppError(setItemProgress(user.id, "build-a-network", { status: "done", expiresOn: "2030-01-01" }), "invalid_input");
    expect(error.field).toBe("expiresOn");

    expect(await getProgress(user.id)).toEqual(before);
    expect(await countRows(user.id)).toMatchObject({ progress: 1, events: 1 });
  });

  it("answers not found for ids that are not checkable items", async () => {
    const user = await createTestUser();
    for (const id of ["no-such-item", "junior-mle", "research-mle", "custom-0000", "x".repeat(300)]) {
      await expectAppError(setItemProgress(user.id, id, { status: "done" }), "not_found");
    }
    expect(await countRows(user.id)).toMatchObject({ progress: 0, events: 0 });
  });
});

describe("setItemProgress under concurrency", () => {
  it("loses no write when 20 different items are set at once", async () => {
    const user = await createTestUser();
    const ids = [
      "earn-bachelors-degree", "gain-practical-experience", "pursue-advanced-certifications", "seek-advanced-degree",
      "build-a-network", "specialize-in-a-domain", "transition-to-strategic-roles", "seek-mentoring",
      AWS, GOOGLE, "bachelors-computer-science", "masters-computer-science", "bachelors-mathematics",
      "masters-mathematics", "bachelors-data-science", "masters-data-science", "masters-machine-learning",
      "phd-machine-learning", "phd-data-science", ...SKILL_IDS.slice(0, 1),
    ];
    expect(new Set(ids).size).toBe(20);
    await Promise.all(ids.map((id) => setItemProgress(user.id, id, { status: "done" })));
    const { items, summary } = await getProgress(user.id);
    expect(items.map((i) => i.itemId).sort()).toEqual([...ids].sort());
    expect(summary.done).toBe(20);
    expect(await countRows(user.id)).toMatchObject({ progress: 20, events: 20 });
  });

  it("a refused write among concurrent ones costs only itself; each is answered only once its change is committed", async () => {
    const user = await createTestUser();
    const committedStatus = async (itemId: string) =>
      (await readRows<{ status: string }>(sql`SELECT "status" FROM "Progress" WHERE "userId" = ${user.id} AND "itemId" = ${itemId}`))[0]?.status ?? null;
    // Sent in one turn, so on SQLite they share one group commit.
    const writes = [
      setItemProgress(user.id, "build-a-network", { status: "done" }),
      setItemProgress(user.id, "seek-mentoring", { status: "done", expiresOn: "2030-01-01" }),
      setItemProgress(user.id, "gain-practical-experience", { status: "in_progress" }),
      setItemProgress(user.id, "no-such-item", { status: "done" }),
      setItemProgress(user.id, AWS, { status: "done", completedOn: "2025-01-01" }),
    ];
    // readRows reads on a connection of its own, which sees only committed rows: read at the
    // moment each answer arrives.
    const seen = await Promise.allSettled(writes.map((write) => write.then((item) => committedStatus(item.itemId))));
    expect(seen.map((result) => (result.status === "fulfilled" ? result.value : (result.reason as AppError).code))).toEqual([
      "done",
      "invalid_input",
      "in_progress",
      "not_found",
      "done",
    ]);
    expect(await committedStatus("seek-mentoring")).toBeNull();
    expect(await countRows(user.id)).toMatchObject({ progress: 3, events: 3 });
  });

  it("progress writes and Prisma transactions at the same time all succeed", async () => {
    const user = await createTestUser();
    const ids = ["build-a-network", "seek-mentoring", "specialize-in-a-domain", "transition-to-strategic-roles", ...SKILL_IDS];
    const transactions = Array.from({ length: 5 }, (_, i) =>
      getDb().$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: `name ${i}` } });
        await new Promise((resolve) => setTimeout(resolve, 5));
        return tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
      }),
    );
    const writes = ids.map((id) => setItemProgress(user.id, id, { status: "done" }));
    const names = await Promise.all(transactions);
    // Each transaction reads back its own write: nothing ran in between on the connection.
    expect(names.map((row) => row.name)).toEqual(Array.from({ length: 5 }, (_, i) => `name ${i}`));
    expect((await Promise.all(writes)).map((item) => item.status)).toEqual(ids.map(() => "done"));
    expect(await countRows(user.id)).toMatchObject({ progress: ids.length, events: ids.length });
  });

  it("keeps one row and an unbroken history when 10 requests set the same item at once", async () => {
    const user = await createTestUser();
    const statuses = ["done", "in_progress", "skipped", "done", "todo", "in_progress", "done", "skipped", "todo", "done"] as const;
    const results = await Promise.all(
      statuses.map((status, i) => setItemProgress(user.id, "seek-mentoring", { status, note: `attempt ${i}` })),
    );
    expect(results).toHaveLength(10);
    const rows = await getDb().progress.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const events = await getDb().progressEvent.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    // Every request changed the note, so every one of them is in the history, in a chain:
    // each event starts where the one before it ended, and the row is where the last one ended.
    expect(events).toHaveLength(10);
    expect(events[0]?.fromStatus).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i]?.fromStatus).toBe(events[i - 1]?.toStatus);
    const last = events[events.length - 1];
    expect(rows[0]?.status).toBe(last?.toStatus);
    expect(rows[0]?.note).toBe(JSON.parse(last?.changes ?? "{}").note[1]);
  });
});

describe("custom certifications", () => {
  it("count toward the certification requirement like the listed ones", async () => {
    const user = await createTestUser();
    const cert = await createCustomCertification(user.id, parseInput(createCertificationSchema, { title: "  Databricks ML Professional ", issuer: "Databricks" }));
    expect(cert).toEqual({ id: expect.stringMatching(/^custom-[0-9a-f]{24}$/), title: "Databricks ML Professional", issuer: "Databricks" });
    await reachMle(user.id, cert.id);
    const position = await getLadderPosition(user.id, TODAY);
    expect(position.current?.id).toBe("mle");
    const progress = await getProgress(user.id);
    expect(progress.items.find((i) => i.itemId === cert.id)?.status).toBe("done");
    // 8 steps + 2 listed certifications + 9 education paths + 4 skills + 1 of their own.
    expect(progress.summary.total).toBe(24);
  });

  it("are unique per creation and refused when invalid", async () => {
    const user = await createTestUser();
    const a = await createCustomCertification(user.id, { title: "Same", issuer: "Same" });
    const b = await createCustomCertification(user.id, { title: "Same", issuer: "Same" });
    expect(a.id).not.toBe(b.id);
    await expectAppError(viaSchema(() => createCustomCertification(user.id, parseInput(createCertificationSchema, { title: " ", issuer: "X" }))), "invalid_input");
    await expectAppError(
      viaSchema(() => createCustomCertification(user.id, parseInput(createCertificationSchema, { title: "X", issuer: "Y", id: "custom-mine" }))),
      "invalid_input",
    );
    expect((await listCustomCertifications(user.id)).map((c) => c.id)).toEqual([a.id, b.id]);
  });
});

describe("scoping: one person never sees or changes another's data", () => {
  it("keeps progress and certifications apart", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const cert = await createCustomCertification(alice.id, { title: "Alice's cert", issuer: "Issuer" });
    await setItemProgress(alice.id, cert.id, { status: "done", note: "mine" });
    await setItemProgress(alice.id, "build-a-network", { status: "done" });

    expect(await getProgress(bob.id)).toEqual({ items: [], summary: { done: 0, inProgress: 0, skipped: 0, total: 23 } });
    expect(await listCustomCertifications(bob.id)).toEqual([]);
    await expectAppError(setItemProgress(bob.id, cert.id, { status: "skipped" }), "not_found");
    await setItemProgress(bob.id, "build-a-network", { status: "skipped" });

    const aliceItems = (await getProgress(alice.id)).items;
    expect(aliceItems.find((i) => i.itemId === cert.id)).toMatchObject({ status: "done", note: "mine" });
    expect(aliceItems.find((i) => i.itemId === "build-a-network")?.status).toBe("done");
    expect(await countRows(bob.id)).toMatchObject({ progress: 1, events: 1, certifications: 0 });
  });
});

describe("ladder position", () => {
  it("drops a rung when the only certification has expired, and says why", async () => {
    const user = await createTestUser();
    await reachMle(user.id, AWS, "2026-06-01");
    const before = await getLadderPosition(user.id, "2026-05-01");
    expect(before.current?.id).toBe("mle");
    expect(before.expiringSoon).toEqual([{ itemId: AWS, expiresOn: "2026-06-01", daysLeft: 31 }]);
    const after = await getLadderPosition(user.id, TODAY);
    expect(after.current?.id).toBe("junior-mle");
    expect(after.expiredCertifications).toEqual([AWS]);
    expect(after.explanation).toContain("expired and no longer counts: AWS Certified Machine Learning");
  });
});

describe("setTrack", () => {
  it("stores one of the 5 tracks, clears with null, refuses others", async () => {
    const user = await createTestUser();
    expect(await setTrack(user.id, "systems-mle")).toEqual({ trackId: "systems-mle" });
    await expectAppError(viaSchema(() => setTrack(user.id, parseInput(setTrackSchema, { trackId: "astronaut" }).trackId)), "invalid_input");
    expect((await getDb().user.findUnique({ where: { id: user.id } }))?.trackId).toBe("systems-mle");
    expect(await setTrack(user.id, null)).toEqual({ trackId: null });
  });
});
