import { describe, expect, it } from "vitest";
import { createCustomCertification } from "@/lib/certifications";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportChecklistCsv, exportUserData, importUserData } from "@/lib/data-transfer";
import { getDoneOverTime, listHistory } from "@/lib/history";
import { exportFileSchema } from "@/lib/data-transfer/schemas";
import { getLadderPosition, getProgress, setItemProgress, setTrack } from "@/lib/progress";
import { parseInput } from "@/lib/validation";
import { AWS, countRows, createTestUser, SKILL_IDS } from "../helpers/progress-fixtures";

const TODAY = "2026-06-15";

async function seedSenior(userId: string) {
  const cert = await createCustomCertification(userId, { title: "Databricks ML Professional", issuer: "Databricks" });
  for (const id of ["bachelors-computer-science", "gain-practical-experience", ...SKILL_IDS, "build-a-network", "specialize-in-a-domain"]) {
    await setItemProgress(userId, id, { status: "done", completedOn: "2024-02-01" });
  }
  await setItemProgress(userId, cert.id, { status: "done", completedOn: "2024-03-01", expiresOn: "2028-03-01", evidenceUrl: "https://example.com/c" });
  await setItemProgress(userId, AWS, { status: "in_progress", note: 'Exam booked, "soon"' });
  await setItemProgress(userId, "seek-mentoring", { status: "skipped" });
  await setTrack(userId, "product-mle");
  return cert;
}

describe("history", () => {
  it("pages through one person's changes, newest first, without gaps or repeats", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await setItemProgress(other.id, "seek-mentoring", { status: "done" });
    for (const [i, id] of SKILL_IDS.entries()) {
      await setItemProgress(user.id, id, { status: "in_progress" });
      await setItemProgress(user.id, id, { status: "done", note: `note ${i}` });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listHistory(user.id, { limit: 3, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const first = await listHistory(user.id, { limit: 1 });
    expect(first.events[0]).toMatchObject({
      itemId: "software-engineering-skills",
      itemTitle: "Software Engineering Skills",
      fromStatus: "in_progress",
      toStatus: "done",
      changes: { status: ["in_progress", "done"], note: [null, "note 3"] },
    });
  });

  it("refuses a malformed cursor", async () => {
    const user = await createTestUser();
    await expect(listHistory(user.id, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(AppError);
  });

  it("replays the number of items done over time", async () => {
    const user = await createTestUser();
    await setItemProgress(user.id, "seek-mentoring", { status: "done" });
    await setItemProgress(user.id, "build-a-network", { status: "done" });
    await setItemProgress(user.id, "seek-mentoring", { status: "skipped" });
    // Days are set explicitly so the series has more than one point.
    const events = await getDb().progressEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    const days = ["2026-01-05T10:00:00.000Z", "2026-01-05T11:00:00.000Z", "2026-02-10T09:00:00.000Z"];
    for (const [i, event] of events.entries()) {
      await getDb().progressEvent.update({ where: { id: event.id }, data: { createdAt: new Date(days[i] as string) } });
    }
    expect(await getDoneOverTime(user.id)).toEqual([
      { date: "2026-01-05", done: 2 },
      { date: "2026-02-10", done: 1 },
    ]);
  });
});

describe("export and import", () => {
  it("restores the same ladder position, checklist and history in a fresh account", async () => {
    const source = await createTestUser("Sam");
    const cert = await seedSenior(source.id);
    const exported = await exportUserData(source.id);
    expect(exported).toMatchObject({ format: "ladder-export", version: 1, user: { name: "Sam", trackId: "product-mle" } });
    // Through JSON, as a downloaded file would be.
    const file: unknown = JSON.parse(JSON.stringify(exported));

    const target = await createTestUser();
    const result = await importUserData(target.id, parseInput(exportFileSchema, file));
    expect(result.restored).toEqual({ progress: 11, customCertifications: 1, history: exported.history.length, trackId: "product-mle" });

    const [before, after] = await Promise.all([getLadderPosition(source.id, TODAY), getLadderPosition(target.id, TODAY)]);
    expect(before.current?.id).toBe("senior-mle");
    expect(after.current).toEqual(before.current);
    expect(after.overallPercent).toBe(before.overallPercent);
    expect(after.percentToNext).toBe(before.percentToNext);

    const targetProgress = await getProgress(target.id);
    expect(targetProgress.summary).toEqual((await getProgress(source.id)).summary);
    const [newCert] = await getDb().customCertification.findMany({ where: { userId: target.id } });
    expect(newCert?.id).not.toBe(cert.id);
    expect(targetProgress.items.find((i) => i.itemId === newCert?.id)).toMatchObject({
      status: "done",
      expiresOn: "2028-03-01",
      evidenceUrl: "https://example.com/c",
    });
    const sourceItem = (await getProgress(source.id)).items.find((i) => i.itemId === "build-a-network");
    expect(targetProgress.items.find((i) => i.itemId === "build-a-network")).toEqual(sourceItem);
    const targetUser = await getDb().user.findUnique({ where: { id: target.id } });
    expect(targetUser).toMatchObject({ trackId: "product-mle", name: "Sam" });
    expect((await countRows(target.id)).events).toBe(exported.history.length);
    // The source account is untouched.
    expect((await countRows(source.id)).certifications).toBe(1);
  });

  it("changes nothing when the file is invalid", async () => {
    const user = await createTestUser();
    await seedSenior(user.id);
    const good = JSON.parse(JSON.stringify(await exportUserData(user.id)));
    const before = { progress: await getProgress(user.id), rows: await countRows(user.id) };

    const broken = [
      null,
      { ...good, format: "something-else" },
      { ...good, version: 2 },
      { ...good, extra: 1 },
      { ...good, progress: [...good.progress, { ...good.progress[0], itemId: "no-such-item" }] },
      { ...good, progress: [...good.progress, good.progress[0]] },
      { ...good, progress: [{ ...good.progress[0], completedOn: "2026-02-30" }] },
      { ...good, progress: [{ ...good.progress[0], evidenceUrl: "javascript:alert(1)" }] },
      { ...good, history: [...good.history, { ...good.history[0], itemId: "custom-unknown" }] },
      { ...good, user: { ...good.user, trackId: "astronaut" } },
    ];
    for (const file of broken) {
      const error = await (async () => importUserData(user.id, parseInput(exportFileSchema, file)))().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid_input");
    }
    expect(await getProgress(user.id)).toEqual(before.progress);
    expect(await countRows(user.id)).toEqual(before.rows);
  });

  it("writes the checklist as CSV with quoting and without spreadsheet formulas", async () => {
    const user = await createTestUser();
    await setItemProgress(user.id, "seek-mentoring", { status: "done", note: '=HYPERLINK("https://evil.example","click")' });
    await setItemProgress(user.id, "build-a-network", { status: "in_progress", note: "Met Ana, Bo\nand Cy", targetOn: "2099-05-01" });
    const csv = await exportChecklistCsv(user.id);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("section,item_id,title,issuer,status,completed_on,expires_on,target_on,note,evidence_url,updated_at,verified_by,verified_on");
    // Header + 23 items + the empty string after the final line break.
    expect(lines).toHaveLength(25);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).toContain('Build a Network,,in_progress,,,2099-05-01,"Met Ana, Bo\nand Cy"');
    expect(csv).toContain("Essential skills,programming-languages,Proficiency in Programming Languages,,todo,,,,,,");
  });
});
