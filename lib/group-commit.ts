import "server-only";
import type Database from "better-sqlite3";

// SQLite group commit (decision record 014). Under synchronous=FULL every COMMIT waits for an
// fsync, and SQLite has one writer: writes committed one by one queue behind each other's
// fsync. Writes that arrive in the same event-loop turn run here inside one transaction, each
// in a SAVEPOINT of its own (a failing write rolls back only itself and gets its own error),
// with one COMMIT for the batch; nobody is answered before that COMMIT returned.
//
// The batch runs on the Prisma client's own connection, synchronously from BEGIN to COMMIT,
// so no other statement can slip in between. Prisma's transactions hold that connection
// across awaits: they take WRITE_LOCK first (lib/db.ts wraps the adapter's startTransaction),
// and so does a batch, so the two never interleave.

/** One write of a batch: synchronous, on the shared connection, inside its own savepoint. */
export type BatchJob<T> = (connection: Database.Database) => T;

type Waiter = () => void;

/** A first-come, first-served lock across awaits. */
export class AsyncLock {
  #held = false;
  #waiters: Waiter[] = [];

  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.#held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          const next = this.#waiters.shift();
          if (next) next();
          else this.#held = false;
        });
      };
      if (this.#held) this.#waiters.push(grant);
      else grant();
    });
  }
}

type Entry = { job: BatchJob<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupCommit = { run<T>(job: BatchJob<T>): Promise<T> };

/**
 * A group committer on `connection()`, serialised with everything else that holds `lock`.
 * `connection` resolves the connection when the first batch runs (Prisma connects lazily).
 */
export function createGroupCommit(lock: AsyncLock, connection: () => Promise<Database.Database>): GroupCommit {
  let queue: Entry[] = [];
  let isScheduled = false;

  async function flush(): Promise<void> {
    isScheduled = false;
    let database: Database.Database;
    try {
      database = await connection();
    } catch (error) {
      for (const entry of queue.splice(0)) entry.reject(error);
      return;
    }
    const release = await lock.acquire();
    // Writes that arrived while the lock was busy join this batch.
    const batch = queue;
    queue = [];
    if (batch.length === 0) {
      release();
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = commitBatch(database, batch);
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    } finally {
      release();
    }
    // Only now, after COMMIT (or after the whole batch failed), does anyone hear back.
    batch.forEach((entry, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }

  return {
    run<T>(job: BatchJob<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
        if (!isScheduled) {
          isScheduled = true;
          // After this turn's I/O callbacks: every request that arrived with them joins the batch.
          setImmediate(() => void flush());
        }
      });
    },
  };
}

/** BEGIN … one SAVEPOINT per write … COMMIT, all synchronous. Throws when the batch as a whole fails. */
function commitBatch(database: Database.Database, batch: readonly Entry[]): Outcome[] {
  database.prepare("BEGIN IMMEDIATE").run();
  try {
    const outcomes = batch.map((entry): Outcome => {
      database.prepare("SAVEPOINT write_in_batch").run();
      try {
        const value = entry.job(database);
        database.prepare("RELEASE write_in_batch").run();
        return { ok: true, value };
      } catch (error) {
        database.prepare("ROLLBACK TO write_in_batch").run();
        database.prepare("RELEASE write_in_batch").run();
        return { ok: false, error };
      }
    });
    database.prepare("COMMIT").run();
    return outcomes;
  } catch (error) {
    if (database.inTransaction) database.prepare("ROLLBACK").run();
    throw error;
  }
}
