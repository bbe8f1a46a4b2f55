// SQLite group commit (lib/group-commit.ts, decision record 014) on a real database file,
// watched from a second connection, which sees only committed rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AsyncLock, createGroupCommit, type GroupCommit } from "@/lib/group-commit";

let dir: string;
let writer: Database.Database;
let watcher: Database.Database;
let lock: AsyncLock;
let batches: GroupCommit;

const committed = (): string[] => (watcher.prepare("SELECT name FROM item ORDER BY name").all() as { name: string }[]).map((row) => row.name);
const insert = (name: string) => (database: Database.Database) => {
  database.prepare("INSERT INTO item (name) VALUES (?)").run(name);
  return name;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-group-commit-"));
  const file = path.join(dir, "batch.db");
  writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.pragma("synchronous = FULL");
  writer.pragma("foreign_keys = ON");
  writer.exec(`CREATE TABLE item (name TEXT PRIMARY KEY);
    CREATE TABLE parent (id TEXT PRIMARY KEY);
    CREATE TABLE child (id TEXT PRIMARY KEY, parentId TEXT REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  watcher = new Database(file, { readonly: true });
  lock = new AsyncLock();
  batches = createGroupCommit(lock, async () => writer);
});

afterAll(() => {
  watcher.close();
  writer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("group commit", () => {
  it("a failing write rolls back only itself and gets its own error; the others commit and are answered after the COMMIT", async () => {
    const failure = new Error("this write fails after it wrote");
    const jobs = [
      batches.run(insert("a1")),
      batches.run((database) => {
        insert("a2")(database);
        throw failure;
      }),
      batches.run(insert("a3")),
    ];
    // At each answer, every successful write of the batch is already committed.
    const seen = await Promise.allSettled(jobs.map((job) => job.then((name) => ({ name, committed: committed() }))));
    expect(seen[0]).toEqual({ status: "fulfilled", value: { name: "a1", committed: ["a1", "a3"] } });
    expect(seen[1]).toEqual({ status: "rejected", reason: failure });
    expect(seen[2]).toEqual({ status: "fulfilled", value: { name: "a3", committed: ["a1", "a3"] } });
    expect(committed()).toEqual(["a1", "a3"]);
  });

  it("when the COMMIT fails, every write of the batch fails and none is stored", async () => {
    const jobs = [
      batches.run(insert("b1")),
      // A deferred foreign key is checked at COMMIT: this write makes the whole COMMIT fail.
      batches.run((database) => database.prepare("INSERT INTO child (id, parentId) VALUES ('c', 'no-such-parent')").run()),
    ];
    const results = await Promise.allSettled(jobs);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(committed()).not.toContain("b1");
    expect(writer.inTransaction).toBe(false);
    // The next batch is not affected.
    await expect(batches.run(insert("b2"))).resolves.toBe("b2");
  });

  it("waits while the lock is held (a Prisma transaction) and runs once it is released", async () => {
    const release = await lock.acquire();
    let hasRun = false;
    const job = batches.run((database) => {
      hasRun = true;
      return insert("c1")(database);
    });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(hasRun).toBe(false);
    expect(committed()).not.toContain("c1");
    release();
    await expect(job).resolves.toBe("c1");
    expect(committed()).toContain("c1");
  });

  it("writes sent in one turn share one transaction", async () => {
    const inSameTransaction = await Promise.all(
      ["d1", "d2", "d3"].map((name) =>
        batches.run((database) => {
          insert(name)(database);
          // Each write sees the ones before it in the batch, none of which is committed yet.
          return { isInTransaction: database.inTransaction, committedSoFar: committed().filter((n) => n.startsWith("d")) };
        }),
      ),
    );
    expect(inSameTransaction).toEqual([
      { isInTransaction: true, committedSoFar: [] },
      { isInTransaction: true, committedSoFar: [] },
      { isInTransaction: true, committedSoFar: [] },
    ]);
    expect(committed().filter((n) => n.startsWith("d"))).toEqual(["d1", "d2", "d3"]);
  });
});
