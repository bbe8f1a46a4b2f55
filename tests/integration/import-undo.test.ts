import { describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/import/route";
import { POST as postUndo } from "@/app/api/import/undo/route";
import { createCustomCertification } from "@/lib/certifications";
import { importUserData, undoImport } from "@/lib/data-transfer";
import { newestThatFit } from "@/lib/data-transfer/undo";
import { type ExportFile, exportFileSchema } from "@/lib/data-transfer/schemas";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { setItemProgress, setTrack } from "@/lib/progress";
import { setPlan } from "@/lib/plan";
import { parseInput } from "@/lib/validation";
import { authedRequest, createSignedInUser } from "../helpers/auth";
import { AWS, createTestUser } from "../helpers/progress-fixtures";

// Undo of an import: what the import replaced comes back exactly, once, for a few minutes.

/** Everything an import replaces, in a comparable form. */
async function stored(userId: string) {
  const db = getDb();
  const where = { where: { userId }, orderBy: { id: "asc" as const } };
  const [progress, certifications, verifications, events, plan, user] = await Promise.all([
    db.progress.findMany(where),
    db.customCertification.findMany(where),
    db.certificationVerification.findMany(where),
    db.progressEvent.findMany(where),
    db.plan.findUnique({ where: { userId } }),
    db.user.findUnique({ where: { id: userId }, select: { name: true, trackId: true } }),
  ]);
  return { progress, certifications, verifications, events, plan, user };
}

/** A file from someone else: one step done, nothing else. */
function otherFile(): ExportFile {
  return parseInput(exportFileSchema, {
    format: "ladder-export",
    version: 1,
    exportedAt: new Date().toISOString(),
    user: { name: null, trackId: "research-mle" },
    progress: [{ itemId: "seek-mentoring", status: "done", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, updatedAt: null }],
    customCertifications: [],
    history: [],
  });
}

async function seed(userId: string) {
  const cert = await createCustomCertification(userId, { title: "Databricks ML Professional", issuer: "Databricks" });
  await setItemProgress(userId, "bachelors-computer-science", { status: "done", completedOn: "2020-06-01" });
  await setItemProgress(userId, "gain-practical-experience", { status: "done", note: "Two years of pipelines" });
  await setItemProgress(userId, cert.id, { status: "in_progress" });
  await setItemProgress(userId, AWS, { status: "done", completedOn: "2025-01-10", expiresOn: "2028-01-10" });
  await getDb().certificationVerification.create({
    data: { userId, itemId: AWS, issuerId: "did:web:example.com", issuerName: "Example", method: "vc-jwt", achievement: AWS },
  });
  await setTrack(userId, "product-mle");
  await setPlan(userId, { targetRungId: "senior-mle", targetDate: "2199-01-01" });
}

describe("undo of an import", () => {
  it("puts back exactly what the import replaced, records the change in history, and works once", async () => {
    const user = await createTestUser("Ada");
    await seed(user.id);
    const before = await stored(user.id);

    const { undo } = await importUserData(user.id, otherFile());
    expect(Date.parse(undo.expiresAt) - Date.now()).toBeGreaterThan(5 * 60_000);
    expect((await stored(user.id)).progress.map((row) => row.itemId)).toEqual(["seek-mentoring"]);

    expect(await undoImport(user.id, undo.id)).toEqual({ restored: { progress: before.progress.length } });
    const after = await stored(user.id);
    // Rows, ids, dates, the verification, the plan and the track are as they were.
    expect({ ...after, events: after.events.filter((e) => before.events.some((b) => b.id === e.id)), plan: { ...after.plan, updatedAt: null } }).toEqual({
      ...before,
      plan: { ...before.plan, updatedAt: null },
    });
    // The undo itself is in the history, like a write by hand: seek-mentoring back to To do,
    // every other item back from To do.
    const added = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
    expect(added.map((e) => [e.itemId, e.fromStatus, e.toStatus]).sort()).toEqual(
      [
        ["seek-mentoring", "done", "todo"],
        ...before.progress.map((row) => [row.itemId, null, row.status]),
      ].sort(),
    );

    await expect(undoImport(user.id, undo.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an unknown, expired, replaced or another person's undo with 404", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await setItemProgress(user.id, "build-a-network", { status: "done" });
    const first = await importUserData(user.id, otherFile());
    const notFound = { code: "not_found" } satisfies Partial<AppError>;
    await expect(undoImport(other.id, first.undo.id)).rejects.toMatchObject(notFound);
    await expect(undoImport(user.id, "no-such-undo")).rejects.toMatchObject(notFound);
    await expect(undoImport(user.id, first.undo.id, new Date(Date.parse(first.undo.expiresAt) + 1))).rejects.toMatchObject(notFound);
    // A newer import replaces the older undo: it described a state that is gone.
    const second = await importUserData(user.id, otherFile());
    await expect(undoImport(user.id, first.undo.id)).rejects.toMatchObject(notFound);
    await undoImport(user.id, second.undo.id);
    expect((await getDb().progress.findMany({ where: { userId: user.id } })).map((row) => row.itemId)).toEqual(["seek-mentoring"]);
  });

  it("removes expired undos, anyone's, on the next import", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await importUserData(user.id, otherFile(), longAgo);
    expect(await getDb().importUndo.count({ where: { userId: user.id } })).toBe(1);
    await importUserData(other.id, otherFile());
    expect(await getDb().importUndo.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps no more history than an import may hold: the newest entries that fit", () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ n: i }));
    // Each entry is 8 bytes of JSON plus a separator.
    expect(newestThatFit(entries, 27)).toEqual(entries.slice(7));
    expect(newestThatFit(entries, 1000, 4)).toEqual(entries.slice(6));
    expect(newestThatFit(entries, 5)).toEqual([]);
  });

  it("POST /api/import answers with the undo; POST /api/import/undo restores once (404, 409, 400 in the error shape)", async () => {
    const { user, cookie } = await createSignedInUser();
    await setItemProgress(user.id, "build-a-network", { status: "in_progress" });
    const imported = await postImport(authedRequest("/api/import", { method: "POST", cookie, body: JSON.stringify(otherFile()) }), {});
    expect(imported.status).toBe(200);
    const { undo } = (await imported.json()) as { undo: { id: string; expiresAt: string } };
    expect(undo).toEqual({ id: expect.any(String), expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });

    const call = (body: unknown) => postUndo(authedRequest("/api/import/undo", { method: "POST", cookie, body: JSON.stringify(body) }), {});
    const bad = await call({ id: undo.id, extra: true });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.objectContaining({ code: "invalid_input", message: expect.any(String) }) });
    expect((await call({ id: "unknown" })).status).toBe(404);

    const ok = await call({ id: undo.id });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ restored: { progress: 1 } });
    expect((await getDb().progress.findMany({ where: { userId: user.id } })).map((row) => [row.itemId, row.status])).toEqual([["build-a-network", "in_progress"]]);
    const again = await call({ id: undo.id });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: expect.objectContaining({ code: "conflict" }) });
  });
});
