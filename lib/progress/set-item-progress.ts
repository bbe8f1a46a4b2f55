import "server-only";
import type Database from "better-sqlite3";
import { CATALOG, type ItemStatus, withCustomCertifications } from "@/lib/catalog";
import { checkableCatalogKind, notCheckable } from "@/lib/certifications";
import { todayUtc } from "@/lib/clock";
import {
  getDatabaseConfig,
  getDb,
  newRowId,
  joinSql,
  type PostgresStatementRunner,
  runInPostgresTransaction,
  runPostgresStatement,
  runInWriteBatch,
  runSqlite,
  sql,
  type SqlQuery,
  type Tx,
} from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateLadder, type ProgressRow } from "@/lib/ladder";
import { diffProgressFields, type FieldChanges, isExpiryBeforeCompletion, mergeProgressUpdate, type ProgressFields, untouchedItem } from "./fields";
import { type StoredProgress, type StoredProgressRow, storedItem, storedProgressQuery, toStoredProgress } from "./rows";
import { earliestTargetDate, ITEM_ID_MAX_CHARS, type ProgressUpdate } from "./schemas";
import type { ItemVerification, ProgressItem } from "./types";

/** A step of the write, run by whichever path carries it (see setItemProgress): a query (rows back), or a write (nothing back). */
type Statement = { kind: "query" | "write"; sql: SqlQuery };
/** The write as steps: yields statements, gets their rows back; the same on every path. */
type WriteSteps<T> = Generator<Statement, T, unknown>;

function* query<T>(statement: SqlQuery): WriteSteps<T[]> {
  return (yield { kind: "query", sql: statement }) as T[];
}

function* execute(statement: SqlQuery): WriteSteps<void> {
  yield { kind: "write", sql: statement };
}

/** The history item id of rung changes: not a checklist item, so exports leave it out. */
export const RUNG_EVENT_ITEM_ID = "ladder-rung";

/** One row of history: an item's change, or a rung change (RUNG_EVENT_ITEM_ID). */
type EventRow = { itemId: string; fromStatus: string | null; toStatus: string; changes: string };

/** One item's change, decided from the stored rows before anything is written. */
type ItemChange = {
  itemId: string;
  /** The stored row, null when the item was never saved. */
  stored: ProgressItem | null;
  after: ProgressFields;
  changes: FieldChanges;
  /** A verified mark vouches for the credential's status and dates: changing them by hand ends it. */
  endsVerification: boolean;
};

/** A whole write: the changes, the rung event (when the rung moves) and the items to answer with. */
type WritePlan = { changes: ItemChange[]; rungEvent: EventRow | null; items: ProgressItem[]; now: Date };

/** The rows as the ladder reads them. */
function ladderRows(stored: StoredProgress): ProgressRow[] {
  // Only validated statuses are ever written (lib/progress/schemas.ts).
  return [...stored.rows.values()].map((row) => ({ itemId: row.itemId, status: row.status as ProgressRow["status"], completedOn: row.completedOn, expiresOn: row.expiresOn }));
}

/**
 * Decides a write from the person's stored rows: checks every item and update, merges them,
 * and works out whether the rung moves (from the rows before and after, with the person's own
 * certifications). Pure; throws AppError (then nothing is written).
 */
function planWrite(stored: StoredProgress, updates: readonly (readonly [string, ProgressUpdate])[], now: Date): WritePlan {
  const ownCertifications = new Set(stored.customCertifications.map((certification) => certification.id));
  const changes: ItemChange[] = [];
  const items: ProgressItem[] = [];
  for (const [itemId, update] of updates) {
    const catalogKind = checkableCatalogKind(itemId);
    if (catalogKind === null && !ownCertifications.has(itemId)) throw notCheckable(itemId);
    const kind = catalogKind ?? "certification";
    const row = storedItem(stored, itemId);
    const before: ProgressFields = row ?? untouchedItem(itemId);
    const after = mergeProgressUpdate(before, update);

    // Only a new target is checked: a stored one that has since passed may be kept (overdue).
    if (after.targetOn !== null && after.targetOn !== before.targetOn && after.targetOn < earliestTargetDate(now)) {
      throw new AppError("invalid_input", "targetOn: cannot be in the past.", { field: "targetOn" });
    }
    if (after.expiresOn !== null && kind !== "certification") {
      throw new AppError("invalid_input", "expiresOn: only certifications have an expiry date.", { field: "expiresOn" });
    }
    // Checked on the merged row: a request may send one date while the other is stored.
    if (isExpiryBeforeCompletion(after)) {
      throw new AppError("invalid_input", "expiresOn: cannot be before the date it was earned.", { field: "expiresOn" });
    }

    const fieldChanges = diffProgressFields(before, after);
    if (!fieldChanges) {
      items.push(row ?? untouchedItem(itemId));
      continue;
    }
    const endsVerification = Boolean(fieldChanges.status || fieldChanges.completedOn || fieldChanges.expiresOn);
    const verification = endsVerification ? null : (row?.verification ?? null);
    changes.push({ itemId, stored: row, after, changes: fieldChanges, endsVerification });
    items.push({ itemId, ...after, updatedAt: now.toISOString(), ...(verification ? { verification } : {}) });
  }
  return { changes, rungEvent: rungEvent(stored, changes, now), items, now };
}

/**
 * Reaching or losing a rung is a history event of its own: {"rung": [before, after]} (rung
 * ids, null below the first). Only a status or an expiry date can move the rung.
 */
function rungEvent(stored: StoredProgress, changes: readonly ItemChange[], now: Date): EventRow | null {
  const moving = changes.filter((change) => change.changes.status || change.changes.expiresOn);
  if (moving.length === 0) return null;
  const catalog = withCustomCertifications(CATALOG, stored.customCertifications);
  const today = todayUtc(now);
  const before = ladderRows(stored);
  const afterRows = new Map(before.map((row) => [row.itemId, row]));
  for (const change of moving) afterRows.set(change.itemId, { itemId: change.itemId, ...change.after });
  const from = evaluateLadder(catalog, before, today).current?.id ?? null;
  const to = evaluateLadder(catalog, [...afterRows.values()], today).current?.id ?? null;
  if (from === to) return null;
  return { itemId: RUNG_EVENT_ITEM_ID, fromStatus: null, toStatus: "todo", changes: JSON.stringify({ rung: [from, to] }) };
}

const itemEvent = (change: ItemChange): EventRow => ({
  itemId: change.itemId,
  fromStatus: change.stored?.status ?? null,
  toStatus: change.after.status,
  changes: JSON.stringify(change.changes),
});

// The statements, in two forms. SQLite runs a write's statements one by one on its one
// writer (a group-commit savepoint), so nothing can change the rows between the read and the
// writes. PostgreSQL has many writers and no lock is taken: each item's write is one
// statement that applies only if the row is still the one the read saw (same xmin, or still
// absent), and its history event, the end of its verification and the rung event are part of
// that statement and happen only if it applied. A write that finds the row changed writes
// nothing and is tried again from the read (setItemProgress).

const PROGRESS_VALUES = (userId: string, change: ItemChange, now: Date) =>
  sql`${newRowId()}, ${userId}, ${change.itemId}, ${change.after.status}, ${change.after.completedOn}, ${change.after.expiresOn}, ${change.after.note}, ${change.after.evidenceUrl}, ${change.after.targetOn}, ${now}, ${now}`;
const PROGRESS_INSERT = sql`INSERT INTO "Progress" ("id", "userId", "itemId", "status", "completedOn", "expiresOn", "note", "evidenceUrl", "targetOn", "createdAt", "updatedAt")`;
const EVENT_INSERT = sql`INSERT INTO "ProgressEvent" ("id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt")`;

/** SQLite: the row (the unique (userId, itemId) index makes it one per person and item), its event, the end of its verification. */
function sqliteItemWrites(userId: string, change: ItemChange, now: Date): SqlQuery[] {
  return [
    sql`${PROGRESS_INSERT} VALUES (${PROGRESS_VALUES(userId, change, now)})
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "status" = excluded."status", "completedOn" = excluded."completedOn", "expiresOn" = excluded."expiresOn",
      "note" = excluded."note", "evidenceUrl" = excluded."evidenceUrl", "targetOn" = excluded."targetOn", "updatedAt" = excluded."updatedAt"`,
    eventInsert(userId, itemEvent(change), now),
    ...(change.endsVerification ? [sql`DELETE FROM "CertificationVerification" WHERE "userId" = ${userId} AND "itemId" = ${change.itemId}`] : []),
  ];
}

/** A history event as a plain INSERT: on SQLite, and on PostgreSQL inside a bulk write's transaction. */
function eventInsert(userId: string, event: EventRow, now: Date): SqlQuery {
  return sql`${EVENT_INSERT} VALUES (${newRowId()}, ${userId}, ${event.itemId}, ${event.fromStatus}, ${event.toStatus}, ${event.changes}, ${now})`;
}

/** PostgreSQL: an event's values, selected once for each row the statement's row write ("row") wrote; typed, since no column gives them a type. */
function postgresEventIfWritten(userId: string, event: EventRow, now: Date): SqlQuery {
  return sql`SELECT ${newRowId()}::text, ${userId}::text, ${event.itemId}::text, ${event.fromStatus}::text, ${event.toStatus}::text, ${event.changes}::text, ${now}::timestamp(3) FROM "row"`;
}

/**
 * PostgreSQL: one item's write as one statement, answering {written: 1} if the row was still
 * as read and the write applied, {written: 0} (and nothing written) if not. `alsoIfWritten`:
 * more events that belong to this write (the rung event of a one-item write).
 */
function postgresItemWrite(userId: string, change: ItemChange, version: string | undefined, now: Date, alsoIfWritten: readonly EventRow[]): SqlQuery {
  let row: SqlQuery;
  if (change.stored === null) {
    row = sql`${PROGRESS_INSERT} VALUES (${PROGRESS_VALUES(userId, change, now)}) ON CONFLICT ("userId", "itemId") DO NOTHING RETURNING 1`;
  } else {
    if (version === undefined) throw new Error("a stored row read without its version");
    const { after } = change;
    row = sql`UPDATE "Progress" SET "status" = ${after.status}, "completedOn" = ${after.completedOn}, "expiresOn" = ${after.expiresOn},
      "note" = ${after.note}, "evidenceUrl" = ${after.evidenceUrl}, "targetOn" = ${after.targetOn}, "updatedAt" = ${now}
      WHERE "userId" = ${userId} AND "itemId" = ${change.itemId} AND "xmin" = ${version}::xid RETURNING 1`;
  }
  const parts = [
    sql`"row" AS (${row})`,
    sql`"events" AS (${EVENT_INSERT} ${joinSql(
      [itemEvent(change), ...alsoIfWritten].map((event) => postgresEventIfWritten(userId, event, now)),
      " UNION ALL ",
    )})`,
    ...(change.endsVerification
      ? [sql`"unverified" AS (DELETE FROM "CertificationVerification" WHERE "userId" = ${userId} AND "itemId" = ${change.itemId} AND EXISTS (SELECT 1 FROM "row"))`]
      : []),
  ];
  return sql`WITH ${joinSql(parts, ", ")} SELECT count(*)::int AS "written" FROM "row"`;
}

/** The row of one item changed between the write's read and its write (PostgreSQL): try again. */
class RowChanged extends Error {}

/**
 * A write: one read of the person's rows and own certifications, then the writes it decided.
 * `isPostgres`: the statements of PostgreSQL (conditional on the rows as read).
 */
function* write(userId: string, updates: readonly (readonly [string, ProgressUpdate])[], isPostgres: boolean): WriteSteps<ProgressItem[]> {
  // Ids that cannot be a checklist item are refused before any query.
  for (const [itemId] of updates) checkableCatalogKind(itemId);
  const stored = toStoredProgress(yield* query<StoredProgressRow>(storedProgressQuery(userId)));
  const plan = planWrite(stored, updates, new Date());
  const { changes, rungEvent: rung, now } = plan;
  if (!isPostgres) {
    for (const change of changes) for (const statement of sqliteItemWrites(userId, change, now)) yield* execute(statement);
    if (rung) yield* execute(eventInsert(userId, rung, now));
    return plan.items;
  }
  // A one-item write is one statement with its rung event; several run in a transaction
  // (setItemsStatus), the rung event last.
  for (const change of changes) {
    const alsoIfWritten = rung && changes.length === 1 ? [rung] : [];
    const [result] = yield* query<{ written: number }>(postgresItemWrite(userId, change, stored.rows.get(change.itemId)?.version ?? undefined, now, alsoIfWritten));
    if (Number(result?.written) !== 1) throw new RowChanged();
  }
  if (rung && changes.length > 1) yield* execute(eventInsert(userId, rung, now));
  return plan.items;
}

/** Runs the steps synchronously on SQLite's connection, inside a group-commit savepoint. */
function runOnSqlite<T>(connection: Database.Database, steps: WriteSteps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next(runSqlite(connection, next.value.sql));
  return next.value;
}

/** Runs the steps with `run`: on PostgreSQL's fast path (a connection of the pool, or a transaction's). */
async function runWith<T>(run: PostgresStatementRunner, steps: WriteSteps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await run(next.value.sql));
  return next.value;
}

/** Runs the steps in a Prisma transaction (beside a write of Prisma's: afterWrite). */
async function runInTransaction<T>(tx: Tx, steps: WriteSteps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    next = steps.next(step.kind === "query" ? await tx.$queryRaw(step.sql) : await tx.$executeRaw(step.sql));
  }
  return next.value;
}

/**
 * Attempts of a PostgreSQL write whose rows other writes keep changing under it. Each round
 * one of the writers of an item gets through, so this many writers of one item at once all
 * succeed; beyond that the write answers 503 with Retry-After, having written nothing.
 */
export const PG_WRITE_ATTEMPTS = 32;

async function retriedOnChange<T>(attempt: () => Promise<T>): Promise<T> {
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RowChanged)) throw error;
      if (attempts >= PG_WRITE_ATTEMPTS) {
        throw new AppError("unavailable", "This item is being changed by many requests at once. Please try again in a moment.", { retryAfter: 1 });
      }
    }
  }
}

/**
 * Sets one item's status and details: an idempotent upsert. Omitted optional fields keep
 * their stored value, null clears them. Every change that alters the row records a history
 * event in the same transaction; a request that changes nothing writes nothing.
 * `update` is parsed by the caller with progressUpdateSchema (lib/progress/schemas.ts).
 * Throws AppError: invalid_input (400), not_found (404: not a checkable item of this person).
 *
 * Plain SQL: this is the app's busiest write, and Prisma 6.19's query compiler made each of
 * its statements cost more than the database's own work (decision record 004). One read of
 * the person's rows, then the writes. On SQLite it joins a group commit (decision record 014):
 * answered only after the COMMIT of its batch. On PostgreSQL one statement on node-postgres's
 * own connection that applies only if the row is still as read, tried again from the read
 * if not (decision records 020 and 026). With `afterWrite`, a Prisma transaction.
 */
export async function setItemProgress(
  userId: string,
  itemId: string,
  update: ProgressUpdate,
  /** Runs in the same transaction after the write (lib/credentials records a verification). */
  afterWrite?: (tx: Tx) => Promise<ItemVerification>,
): Promise<ProgressItem> {
  if (itemId.length === 0 || itemId.length > ITEM_ID_MAX_CHARS) {
    throw new AppError("not_found", "There is no such checklist item.");
  }
  const updates = [[itemId, update]] as const;
  const isPostgres = getDatabaseConfig().provider === "postgresql";
  if (!afterWrite) {
    if (!isPostgres) return only(await runInWriteBatch((connection) => runOnSqlite(connection, write(userId, updates, false))));
    return only(await retriedOnChange(() => runWith(runPostgresStatement, write(userId, updates, true))));
  }
  return retriedOnChange(() =>
    getDb().$transaction(
      async (tx) => {
        const item = only(await runInTransaction(tx, write(userId, updates, isPostgres)));
        return { ...item, verification: await afterWrite(tx) };
      },
      { maxWait: 10_000, timeout: 15_000 },
    ),
  );
}

function only(items: readonly ProgressItem[]): ProgressItem {
  const [item] = items;
  if (!item) throw new Error("a one-item write answered no item");
  return item;
}

/**
 * PATCH /api/progress: one status for several items, all or nothing, each change recorded in
 * history as a single write would record it, and one rung event for the whole change.
 * `itemIds` are distinct (bulkProgressSchema); a single unknown one refuses the request (404).
 * On SQLite one savepoint of a group commit holds the whole change.
 */
export async function setItemsStatus(userId: string, itemIds: readonly string[], status: ItemStatus): Promise<ProgressItem[]> {
  // Sorted: every writer updates rows in one order, so two bulk writes on PostgreSQL cannot deadlock.
  const updates = [...itemIds].sort().map((itemId) => [itemId, { status }] as const);
  if (getDatabaseConfig().provider === "sqlite") {
    return runInWriteBatch((connection) => runOnSqlite(connection, write(userId, updates, false)));
  }
  return retriedOnChange(() => runInPostgresTransaction((run) => runWith(run, write(userId, updates, true))));
}
