import { describe, expect, inject, it } from "vitest";
import { getDb, prepareDatabase, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db";

describe.runIf(inject("provider") === "sqlite")("SQLite connection settings", () => {
  it("runs in WAL mode with synchronous=FULL (a saved change survives a power cut) and a busy timeout of at least 5 s", async () => {
    await prepareDatabase();
    const db = getDb();
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
    const [sync] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(mode?.journal_mode).toBe("wal");
    // 2 = FULL: the WAL is synced at every commit (1 = NORMAL would sync only at checkpoints).
    expect(Number(sync?.synchronous)).toBe(2);
    expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(SQLITE_BUSY_TIMEOUT_MS);
  });
});
