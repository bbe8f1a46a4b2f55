// PostgreSQL: a progress write waits a bounded time for another write's lock on the same item
// (lib/db.ts, PG_FAST_PATH_LIMITS); past it the request answers 503 with Retry-After, nothing
// of it is stored, and the next write goes through once the lock is free.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { getDb, PG_FAST_PATH_LIMITS, readRows, sql } from "@/lib/db";
import { authedRequest, createSignedInUser } from "../helpers/auth";

const itemId = "build-a-network";
const put = (cookie: string, body: unknown) =>
  putProgress(authedRequest(`http://localhost:3000/api/progress/${itemId}`, { method: "PUT", cookie, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ itemId }),
  });

describe.runIf(inject("provider") === "postgresql")("PostgreSQL write limits", () => {
  it("answers 503 with Retry-After when another write holds the item's lock past lock_timeout, and stores nothing of it", async () => {
    const { user, cookie } = await createSignedInUser();
    expect((await put(cookie, { status: "in_progress", note: "before" })).status).toBe(200);

    // Another session holds the lock the write takes for this person's item.
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`progress:${user.id}:${itemId}`]);
      const started = Date.now();
      const refused = await put(cookie, { status: "done", note: "blocked" });
      const waited = Date.now() - started;
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
      expect(waited).toBeGreaterThanOrEqual(PG_FAST_PATH_LIMITS.lock_timeout - 100);
      expect(waited).toBeLessThan(PG_FAST_PATH_LIMITS.lock_timeout + 5_000);
    } finally {
      await holder.end();
    }

    const stored = await getDb().progress.findFirstOrThrow({ where: { userId: user.id, itemId } });
    expect({ status: stored.status, note: stored.note }).toEqual({ status: "in_progress", note: "before" });
    expect(await getDb().progressEvent.count({ where: { userId: user.id, itemId } })).toBe(1);

    // The lock is free again: the same write goes through.
    expect((await put(cookie, { status: "done", note: "after" })).status).toBe(200);
  }, 20_000);

  it("plans no parallel workers on the fast path's connections (a person's reads touch tens of rows)", async () => {
    const [row] = await readRows<{ value: string }>(sql`SELECT current_setting('max_parallel_workers_per_gather') AS "value"`);
    expect(row?.value).toBe("0");
  });
});

