// SQLite: when another process holds the database's write lock past the busy timeout (a
// backup, the sqlite3 shell), a write answers 503 with Retry-After (the database is briefly
// unavailable), stores nothing, and goes through once the lock is free.
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { PUT as putPlan } from "@/app/api/plan/route";
import { PUT as putProgress } from "@/app/api/progress/[itemId]/route";
import { getDb, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db";
import { authedRequest, createSignedInUser } from "../helpers/auth";

const itemId = "build-a-network";
const put = (cookie: string, body: unknown) =>
  putProgress(authedRequest(`http://localhost:3000/api/progress/${itemId}`, { method: "PUT", cookie, body: JSON.stringify(body) }), {
    params: Promise.resolve({ itemId }),
  });

describe.runIf(inject("provider") === "sqlite")("SQLite busy", () => {
  it("answers 503 with Retry-After when another connection holds the write lock past the busy timeout, and stores nothing", async () => {
    const { user, cookie } = await createSignedInUser();
    expect((await put(cookie, { status: "in_progress", note: "before" })).status).toBe(200);

    const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
    const holder = new Database(file, { timeout: 1_000 });
    try {
      holder.exec("BEGIN IMMEDIATE");
      const started = Date.now();
      const refused = await put(cookie, { status: "done", note: "blocked" });
      const waited = Date.now() - started;
      expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(waited).toBeGreaterThanOrEqual(SQLITE_BUSY_TIMEOUT_MS - 100);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }

    const stored = await getDb().progress.findFirstOrThrow({ where: { userId: user.id, itemId } });
    expect({ status: stored.status, note: stored.note }).toEqual({ status: "in_progress", note: "before" });
    expect(await getDb().progressEvent.count({ where: { userId: user.id, itemId } })).toBe(1);

    expect((await put(cookie, { status: "done", note: "after" })).status).toBe(200);
  }, 20_000);

  it("answers 503 for a write through Prisma too (the plan), and stores nothing", async () => {
    const { user, cookie } = await createSignedInUser();
    const putGoal = () => putPlan(authedRequest("http://localhost:3000/api/plan", { method: "PUT", cookie, body: JSON.stringify({ targetRungId: "mle" }) }), {});
    const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
    const holder = new Database(file, { timeout: 1_000 });
    try {
      holder.exec("BEGIN IMMEDIATE");
      const refused = await putGoal();
      expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
      expect(refused.status).toBe(503);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(await getDb().plan.count({ where: { userId: user.id } })).toBe(0);
    expect((await putGoal()).status).toBe(200);
  }, 20_000);
});

