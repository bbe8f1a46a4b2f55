import { describe, expect, it } from "vitest";
import { CATALOG, getCatalogItem, withCustomCertifications } from "@/lib/catalog";
import { addDays } from "@/lib/clock";
import { checklistItemIds } from "@/lib/progress/checklist";
import { progressUpdateSchema } from "@/lib/progress/schemas";
import { createRandom, generateSeedPerson, type SeedPerson } from "@/lib/seed/generate";

const TODAY = "2026-06-15";

function people(count: number, seed = 7): SeedPerson[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => generateSeedPerson(random, { index, today: TODAY, label: "t" }));
}

const FIELDS = ["status", "completedOn", "expiresOn", "note", "evidenceUrl"] as const;

describe("seeded people (lib/seed/generate)", () => {
  const crowd = people(300);

  it("are the same for the same seed and differ for another", () => {
    expect(people(3, 42)).toEqual(people(3, 42));
    expect(people(1, 43)[0]?.progress).not.toEqual(people(1, 42)[0]?.progress);
  });

  it("have unique ids and emails", () => {
    expect(new Set(crowd.map((p) => p.id)).size).toBe(crowd.length);
    expect(new Set(crowd.map((p) => p.email)).size).toBe(crowd.length);
    const certIds = crowd.flatMap((p) => p.customCertifications.map((c) => c.id));
    expect(new Set(certIds).size).toBe(certIds.length);
  });

  it("each have 31 to 39 rows, one per item of their own checklist, about 3 history events per row", () => {
    for (const person of crowd) {
      const ids = new Set(checklistItemIds(withCustomCertifications(CATALOG, person.customCertifications)));
      expect(person.progress.length).toBeGreaterThanOrEqual(31);
      expect(person.progress.length).toBeLessThanOrEqual(39);
      expect(new Set(person.progress.map((r) => r.itemId)).size).toBe(person.progress.length);
      for (const row of person.progress) expect(ids.has(row.itemId)).toBe(true);
    }
    const rows = crowd.reduce((n, p) => n + p.progress.length, 0);
    const events = crowd.reduce((n, p) => n + p.events.length, 0);
    expect(events / rows).toBeGreaterThan(2.2);
    expect(events / rows).toBeLessThan(4);
  });

  it("store only what a person could have entered: valid rows, expiry dates on certifications only, no future completion", () => {
    for (const person of crowd) {
      const catalog = withCustomCertifications(CATALOG, person.customCertifications);
      for (const row of person.progress) {
        const { status, completedOn, expiresOn, note, evidenceUrl } = row;
        expect(progressUpdateSchema.safeParse({ status, completedOn, expiresOn, note, evidenceUrl }).success).toBe(true);
        if (expiresOn !== null) expect(getCatalogItem(row.itemId, catalog)?.kind).toBe("certification");
        if (completedOn !== null) expect(completedOn <= TODAY).toBe(true);
        if (status === "done") expect(completedOn).not.toBeNull();
        expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
      }
    }
  });

  it("have a realistic mix: every status, people at different stages, certifications valid, expiring and expired", () => {
    const rows = crowd.flatMap((p) => p.progress);
    for (const status of ["todo", "in_progress", "done", "skipped"]) {
      expect(rows.filter((r) => r.status === status).length).toBeGreaterThan(rows.length / 50);
    }
    const stepsDone = crowd.map((p) => p.progress.filter((r) => getCatalogItem(r.itemId)?.kind === "step" && r.status === "done").length);
    expect(Math.min(...stepsDone)).toBeLessThanOrEqual(1);
    expect(Math.max(...stepsDone)).toBe(8);
    const expiries = rows.flatMap((r) => (r.expiresOn ? [r.expiresOn] : []));
    expect(expiries.some((d) => d < TODAY)).toBe(true);
    expect(expiries.some((d) => d >= TODAY && d <= addDays(TODAY, 30))).toBe(true);
    expect(expiries.some((d) => d > addDays(TODAY, 90))).toBe(true);
  });

  it("have a history that replays, event by event, to exactly the stored row", () => {
    for (const person of crowd.slice(0, 50)) {
      for (const row of person.progress) {
        const events = person.events.filter((e) => e.itemId === row.itemId);
        expect(events.length).toBeGreaterThan(0);
        expect(events[0]?.fromStatus).toBeNull();
        const state: Record<string, string | null> = { status: "todo", completedOn: null, expiresOn: null, note: null, evidenceUrl: null };
        let last = 0;
        for (const event of events) {
          expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(last);
          last = event.createdAt.getTime();
          if (event !== events[0]) expect(event.fromStatus).toBe(state.status);
          const changes = JSON.parse(event.changes) as Record<string, [string | null, string | null]>;
          expect(Object.keys(changes).length).toBeGreaterThan(0);
          for (const [field, [before, after]] of Object.entries(changes)) {
            expect(state[field]).toBe(before);
            state[field] = after;
          }
          expect(event.toStatus).toBe(state.status);
        }
        for (const field of FIELDS) expect(state[field]).toBe(row[field]);
        expect(row.updatedAt.getTime()).toBe(last);
      }
    }
  });
});
