import { describe, expect, it, vi } from "vitest";
import { POST as postImport } from "@/app/api/import/route";
import { POST as postUndo } from "@/app/api/import/undo/route";
import { getDb, INSERT_ROWS_PER_STATEMENT, insertRows, newRowId, readRows, runTransaction, sql } from "@/lib/db";
import type { ExportFileInput } from "@/lib/data-transfer/schemas";
import { maxSizeExport } from "@/lib/seed/max-size-export";
import { authedRequest, createSignedInUser } from "../helpers/auth";
import { countRows, createTestUser } from "../helpers/progress-fixtures";

// A maximum-size export (8 MiB, 20,000 history events) through POST /api/import: stored in
// full, undone in full, all or nothing, and written without growing the memory that Prisma's
// query compiler keeps for good (decision record 018). scripts/import-memory.mts measures the
// whole import's memory.

const MB = 1024 * 1024;

function importRequest(cookie: string, body: string) {
  return authedRequest("/api/import", { method: "POST", cookie, body });
}

function storedEvents(userId: string) {
  return getDb().progressEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, itemId: true, fromStatus: true, toStatus: true, changes: true, createdAt: true },
  });
}

/** Memory outside V8's heap that is not an ArrayBuffer: mostly WebAssembly memory, which never shrinks. */
function externalOutsideBuffers(): number {
  const usage = process.memoryUsage();
  return usage.external - usage.arrayBuffers;
}

describe("POST /api/import of a maximum-size export", () => {
  it("stores all 20,000 history events as the file gives them, and an undo of the next import puts them back", async () => {
    const person = await createSignedInUser();
    const file = maxSizeExport();
    const text = JSON.stringify(file);
    expect(Buffer.byteLength(text)).toBeGreaterThan(8_000_000);

    const first = await postImport(importRequest(person.cookie, text), {});
    expect(first.status).toBe(200);
    expect((await first.json()).restored).toMatchObject({ history: 20_000, progress: file.progress.length, customCertifications: file.customCertifications.length });
    const imported = await storedEvents(person.user.id);
    expect(imported).toHaveLength(20_000);
    const ownCertifications = new Set((await getDb().customCertification.findMany({ where: { userId: person.user.id }, select: { id: true } })).map((c) => c.id));
    imported.forEach((event, i) => {
      const entry = file.history[i] as ExportFileInput["history"][number];
      expect({ ...event, id: undefined, itemId: undefined, changes: JSON.parse(event.changes), createdAt: event.createdAt.toISOString() }).toEqual({
        ...entry,
        itemId: undefined,
      });
      // The file's own certifications get new ids; everything else keeps its id.
      if (entry.itemId.startsWith("custom-bench-")) expect(ownCertifications.has(event.itemId)).toBe(true);
      else expect(event.itemId).toBe(entry.itemId);
    });

    // The second import keeps those 20,000 events (about 8 MiB) for undo.
    const externalBefore = externalOutsideBuffers();
    const second = await postImport(importRequest(person.cookie, text), {});
    expect(second.status).toBe(200);
    const { undo } = await second.json();
    expect(externalOutsideBuffers() - externalBefore, "memory outside the heap grew by the size of the undo snapshot").toBeLessThan(16 * MB);

    const undone = await postUndo(authedRequest("/api/import/undo", { method: "POST", cookie: person.cookie, body: JSON.stringify({ id: undo.id }) }), {});
    expect(undone.status).toBe(200);
    const importedIds = new Set(imported.map((event) => event.id));
    // An undo keeps the newest history that fits the import's size cap (decision record 016).
    const restored = (await storedEvents(person.user.id)).filter((event) => importedIds.has(event.id));
    expect(restored.length).toBeGreaterThan(15_000);
    expect(restored).toEqual(imported.slice(-restored.length));
  });

  it("changes nothing when the last of 20,000 history events is invalid", async () => {
    const person = await createSignedInUser();
    const small = maxSizeExport();
    small.history = small.history.slice(0, 3);
    expect((await postImport(importRequest(person.cookie, JSON.stringify(small)), {})).status).toBe(200);
    const before = await countRows(person.user.id);

    const badStatus = maxSizeExport();
    (badStatus.history[19_999] as { toStatus: string }).toStatus = "finished";
    const refused = await postImport(importRequest(person.cookie, JSON.stringify(badStatus)), {});
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_input", field: "history.19999.toStatus" });

    const unknownItem = maxSizeExport();
    (unknownItem.history[19_999] as { itemId: string }).itemId = "no-such-item";
    const refusedToo = await postImport(importRequest(person.cookie, JSON.stringify(unknownItem)), {});
    expect(refusedToo.status).toBe(400);
    expect((await refusedToo.json()).error).toMatchObject({ code: "invalid_input", field: "history.19999.itemId" });

    expect(await countRows(person.user.id)).toEqual(before);
  });
});

describe("insertRows", () => {
  const columns = ["id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt"];
  const rowsFor = (userId: string, count: number) =>
    Array.from({ length: count }, (_, i) => [newRowId(), userId, "gain-practical-experience", null, "done", `{"n":${i}}`, new Date(Date.UTC(2026, 0, 1, 0, i))]);

  it("writes full statements and the rows left over, inside the transaction it is given", async () => {
    const user = await createTestUser();
    const rows = rowsFor(user.id, 2 * INSERT_ROWS_PER_STATEMENT + 3);
    await runTransaction((tx) => insertRows(tx, "ProgressEvent", columns, rows));
    const stored = await storedEvents(user.id);
    expect(stored.map((event) => [event.id, event.changes, event.createdAt.toISOString()])).toEqual(rows.map((row) => [row[0], row[5], (row[6] as Date).toISOString()]));
  });

  it("writes on the transaction's own connection: the transaction reads the rows, other connections only after its commit", async () => {
    const user = await createTestUser();
    const rows = rowsFor(user.id, INSERT_ROWS_PER_STATEMENT + 2);
    const committedCount = async () => Number((await readRows<{ n: unknown }>(sql`SELECT COUNT(*) AS "n" FROM "ProgressEvent" WHERE "userId" = ${user.id}`))[0]?.n);
    await runTransaction(async (tx) => {
      await insertRows(tx, "ProgressEvent", columns, rows);
      expect(await tx.progressEvent.count({ where: { userId: user.id } })).toBe(rows.length);
      expect(await committedCount()).toBe(0);
    });
    expect(await committedCount()).toBe(rows.length);
  });

  it("finds the transaction's connection when another copy of lib/db made the client (a server build has several)", async () => {
    const user = await createTestUser();
    getDb();
    vi.resetModules();
    const copy = await import("@/lib/db");
    const rows = rowsFor(user.id, 3);
    await copy.runTransaction((tx) => copy.insertRows(tx, "ProgressEvent", columns, rows));
    expect(await getDb().progressEvent.count({ where: { userId: user.id } })).toBe(rows.length);
  });

  it("writes nothing when the transaction fails after it", async () => {
    const user = await createTestUser();
    const failed = runTransaction(async (tx) => {
      await insertRows(tx, "ProgressEvent", columns, rowsFor(user.id, INSERT_ROWS_PER_STATEMENT + 1));
      throw new Error("later step failed");
    });
    await expect(failed).rejects.toThrow("later step failed");
    expect(await getDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});
