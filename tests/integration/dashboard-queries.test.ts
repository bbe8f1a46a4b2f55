import { describe, expect, it } from "vitest";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import { createCustomCertification } from "@/lib/certifications";
import { getDb } from "@/lib/db";
import { getHistoryOverview } from "@/lib/history";
import { checklistItemIds } from "@/lib/progress/checklist";
import { getDashboardData, setItemProgress } from "@/lib/progress";
import { createTestUser } from "../helpers/progress-fixtures";
import { countQueries } from "../helpers/query-counter";

const TODAY = "2026-06-15";

// Issue 5, point 8: the dashboard's server render makes at most 3 queries whatever the number
// of items. getSessionUser is one query (lib/auth/session.ts); getDashboardData makes one
// (decision record 024).
describe("dashboard server render", () => {
  it("loads everything in 1 query, with 1 row or with every item and 5 certifications, each kind in its order", async () => {
    const small = await createTestUser();
    await setItemProgress(small.id, "seek-mentoring", { status: "done" });
    const smallRun = await countQueries(() => getDashboardData(small.id, TODAY, null));
    expect(smallRun.result.items).toHaveLength(1);

    const large = await createTestUser();
    const certs = [];
    for (let i = 0; i < 5; i++) certs.push(await createCustomCertification(large.id, { title: `Cert ${i}`, issuer: "Issuer" }));
    const ids = checklistItemIds(withCustomCertifications(CATALOG, certs));
    expect(ids).toHaveLength(28);
    await Promise.all(ids.map((id) => setItemProgress(large.id, id, { status: "in_progress", note: `Working on ${id}` })));
    // Plus extra stored history, which the dashboard must not read row by row.
    await getDb().progressEvent.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({ userId: large.id, itemId: ids[i % ids.length] as string, toStatus: "done", changes: "{}" })),
    });
    const largeRun = await countQueries(() => getDashboardData(large.id, TODAY, "research-mle"));

    expect(largeRun.result.items).toHaveLength(28);
    expect(largeRun.result.customCertifications).toHaveLength(5);
    expect(largeRun.result.trackId).toBe("research-mle");
    expect(smallRun.queries.length).toBe(1);
    expect(largeRun.queries.length).toBe(smallRun.queries.length);
    expect(largeRun.queries.every((q) => /^SELECT/i.test(q.trim()))).toBe(true);
    // Rows by item id, own certifications oldest first (as they were added).
    const itemIds = largeRun.result.items.map((item) => item.itemId);
    expect(itemIds).toEqual([...itemIds].sort());
    expect(largeRun.result.customCertifications.map((cert) => cert.title)).toEqual(["Cert 0", "Cert 1", "Cert 2", "Cert 3", "Cert 4"]);
    expect(largeRun.result.customCertifications[0]).toEqual({ id: certs[0]?.id, title: "Cert 0", issuer: "Issuer" });
  });

  it("counts real statements: a loop of single-row reads is seen as many queries", async () => {
    const user = await createTestUser();
    const run = await countQueries(async () => {
      for (let i = 0; i < 5; i++) await getDb().user.findUnique({ where: { id: user.id } });
    });
    expect(run.queries).toHaveLength(5);
  });
});

describe("history page server render", () => {
  it("reads the person's own certifications once, and names them in the timeline", async () => {
    const user = await createTestUser();
    const cert = await createCustomCertification(user.id, { title: "Databricks ML Professional", issuer: "Databricks" });
    await setItemProgress(user.id, cert.id, { status: "done" });
    await setItemProgress(user.id, "seek-mentoring", { status: "in_progress" });

    const run = await countQueries(() => getHistoryOverview(user.id));

    expect(run.queries.filter((q) => q.includes('"CustomCertification"'))).toHaveLength(1);
    expect(run.queries.filter((q) => /FROM\s+"Progress"\s/i.test(q))).toHaveLength(1);
    expect(run.result.page.events.map((e) => e.itemTitle)).toEqual(["Seek Mentoring", "Databricks ML Professional"]);
    expect(run.result.doneOverTime.at(-1)?.done).toBe(1);
    // 23 catalog items and the person's own certification.
    expect(run.result.total).toBe(24);
  });
});
