// PostgreSQL: a progress write waits a bounded time for another transaction's lock on the
// item's row (lib/db.ts, PG_FAST_PATH_LIMITS); past it the request answers 503 with Retry-After, nothing
// of it is stored, and the next write goes through once the lock is free. A write takes no lock
// before it reads; its one statement applies only if the row is still as read
// (lib/progress/set-item-progress.ts): when another transaction changes the row after the
// write has read it, the write reads again and records history from the row as it really was;
// when the row never stays still long enough, it gives up after PG_WRITE_ATTEMPTS with a 503.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { getDb, PG_FAST_PATH_LIMITS, readRows, sql } from "@/lib/db";
import { PG_WRITE_ATTEMPTS } from "@/lib/progress/set-item-progress";
import { authedRequest, createSignedInUser } from "../helpers/auth";

const itemId = "build-a-network";
const put = (cookie: string, body: unknown) =>
  putProgress(authedRequest(`http://localhost:3000/api/progress/${itemId}`, { method: "PUT", cookie, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ itemId }),
  });

/** Waits until a session of this database waits for another transaction (the row's lock): the write has read, and is blocked on the row. */
async function untilAWriteWaits(observer: pg.Client): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await observer.query(`SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'transactionid'`);
    if (rows[0]?.n === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the write never waited for the row");
}

/** Another session, with an open transaction that has locked this person's row of the item. */
async function lockRowInAnotherSession(userId: string): Promise<pg.Client> {
  const other = new pg.Client({ connectionString: inject("databaseUrl") });
  await other.connect();
  await other.query("BEGIN");
  const locked = await other.query(`SELECT 1 FROM "Progress" WHERE "userId" = $1 AND "itemId" = $2 FOR UPDATE`, [userId, itemId]);
  expect(locked.rowCount).toBe(1);
  return other;
}

describe.runIf(inject("provider") === "postgresql")("PostgreSQL write limits", () => {
  it("answers 503 with Retry-After when another transaction holds the item's row past lock_timeout, and stores nothing of it", async () => {
    const { user, cookie } = await createSignedInUser();
    expect((await put(cookie, { status: "in_progress", note: "before" })).status).toBe(200);

    const holder = await lockRowInAnotherSession(user.id);
    try {
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

  it("reads again when the row changed after its read, and records history from the row as it really was", async () => {
    const { user, cookie } = await createSignedInUser();
    expect((await put(cookie, { status: "in_progress", note: "first" })).status).toBe(200);

    // Another writer has the row locked, uncommitted, while this write reads the old row.
    const other = await lockRowInAnotherSession(user.id);
    try {
      const pending = put(cookie, { status: "done", note: "mine" });
      await untilAWriteWaits(other);
      await other.query(`UPDATE "Progress" SET "status" = 'skipped', "note" = 'theirs', "updatedAt" = now() WHERE "userId" = $1 AND "itemId" = $2`, [user.id, itemId]);
      await other.query(
        `INSERT INTO "ProgressEvent" ("id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt") VALUES ('race-other', $1, $2, 'in_progress', 'skipped', '{}', now())`,
        [user.id, itemId],
      );
      await other.query("COMMIT");

      const response = await pending;
      expect(response.status).toBe(200);
      expect((await response.json()).item).toMatchObject({ itemId, status: "done", note: "mine" });
    } finally {
      await other.end();
    }

    const stored = await getDb().progress.findMany({ where: { userId: user.id, itemId } });
    expect(stored.map((row) => ({ status: row.status, note: row.note }))).toEqual([{ status: "done", note: "mine" }]);
    const events = await getDb().progressEvent.findMany({ where: { userId: user.id, itemId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      [null, "in_progress"],
      ["in_progress", "skipped"],
      ["skipped", "done"],
    ]);
    // The write's own event starts from the other writer's row, not from the row it first read.
    expect(JSON.parse(events[2]?.changes ?? "{}")).toMatchObject({ status: ["skipped", "done"], note: ["theirs", "mine"] });
  }, 20_000);

  it(`gives up after ${PG_WRITE_ATTEMPTS} reads when the row changes under every one: 503 with Retry-After, nothing of it stored`, async () => {
    const { user, cookie } = await createSignedInUser();
    expect((await put(cookie, { status: "in_progress", note: "before" })).status).toBe(200);

    // Three other sessions take turns changing the row, each holding its change uncommitted for
    // a few milliseconds while the next one already waits for the row: at any moment one of
    // them has a change in flight, so every write that read the row finds it changed.
    let churning = true;
    let changes = 0;
    const churners = await Promise.all(
      [0, 1, 2].map(async () => {
        const client = new pg.Client({ connectionString: inject("databaseUrl") });
        await client.connect();
        return client;
      }),
    );
    const loops = churners.map(async (client) => {
      while (churning) {
        await client.query("BEGIN");
        await client.query(`UPDATE "Progress" SET "updatedAt" = now() WHERE "userId" = $1 AND "itemId" = $2`, [user.id, itemId]);
        await new Promise((resolve) => setTimeout(resolve, 4));
        await client.query("COMMIT");
        changes += 1;
      }
    });
    try {
      while (changes < 6) await new Promise((resolve) => setTimeout(resolve, 5));
      const refused = await put(cookie, { status: "done", note: "never stored" });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
      // Every attempt saw the row change: more changes than attempts happened meanwhile.
      expect(changes).toBeGreaterThan(PG_WRITE_ATTEMPTS);
    } finally {
      churning = false;
      await Promise.all(loops);
      await Promise.all(churners.map((client) => client.end()));
    }

    const stored = await getDb().progress.findFirstOrThrow({ where: { userId: user.id, itemId } });
    expect({ status: stored.status, note: stored.note }).toEqual({ status: "in_progress", note: "before" });
    expect(await getDb().progressEvent.count({ where: { userId: user.id, itemId } })).toBe(1);
    // The row is still again: the same write goes through.
    expect((await put(cookie, { status: "done", note: "after" })).status).toBe(200);
  }, 30_000);
});
