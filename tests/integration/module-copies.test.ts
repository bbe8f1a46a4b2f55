// A server build holds several copies of lib/db (the start-up code's, the route handlers',
// the pages'), each with its own module state. What must be one per process lives in the
// global holder; these tests load a second copy (vi.resetModules) and check that it shares it.
import { describe, expect, inject, it, vi } from "vitest";
import * as firstCopy from "@/lib/db";
import { createTestUser } from "../helpers/progress-fixtures";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function secondCopy(): Promise<typeof firstCopy> {
  vi.resetModules();
  return import("@/lib/db");
}

describe("every copy of lib/db", () => {
  it("names a prepared statement as every other copy does", async () => {
    const copy = await secondCopy();
    const texts = [`SELECT 'module copies' AS "a" -- ${Date.now()}`, `SELECT 'module copies' AS "b" -- ${Date.now()}`];
    // Each copy sees one of the statements first.
    const first = firstCopy.statementName(texts[0] as string);
    const second = copy.statementName(texts[1] as string);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first).not.toBe(second);
    expect(copy.statementName(texts[0] as string)).toBe(first);
    expect(firstCopy.statementName(texts[1] as string)).toBe(second);
  });

  it.runIf(inject("provider") === "sqlite")("makes a group-commit write wait for a Prisma transaction that another copy's client started", async () => {
    const user = await createTestUser();
    // The client is made by a copy other than the one that runs the batch, as at start-up.
    await firstCopy.closeDatabase();
    const copy = await secondCopy();
    const client = copy.getDb();
    let finishTransaction = () => {};
    const transaction = client.$transaction(
      async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "In a transaction" } });
        await new Promise<void>((resolve) => {
          finishTransaction = resolve;
        });
      },
      { timeout: 10_000 },
    );
    await pause(100);
    const batched = firstCopy.runInWriteBatch((connection) => connection.prepare('UPDATE "User" SET "name" = ? WHERE "id" = ?').run("In a batch", user.id));
    await pause(100);
    finishTransaction();
    await transaction;
    await expect(batched).resolves.toMatchObject({ changes: 1 });
    expect((await client.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("In a batch");
  });
});
