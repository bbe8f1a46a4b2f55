import "server-only";
import type Database from "better-sqlite3";
import { CATALOG, type ItemStatus, withCustomCertifications } from "@/lib/catalog";
import { checkableCatalogKind, notCheckable } from "@/lib/certifications";
import { todayUtc } from "@/lib/clock";
import {
  getDatabaseConfig,
  getDb,
  newRowId,
  type PostgresStatementRunner,
  postgresWrites,
  runInPostgresTransaction,
  runInWriteBatch,
  runSqlite,
  sql,
  type SqlQuery,
  type Tx,
} from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateLadder, type ProgressRow } from "@/lib/ladder";
import { diffProgressFields, type FieldChanges, isExpiryBeforeCompletion, mergeProgressUpdate, type ProgressFields, untouchedItem } from "./fields";
import { type ProgressRowLike, toProgressItem } from "./rows";
import { earliestTargetDate, ITEM_ID_MAX_CHARS, type ProgressUpdate } from "./schemas";
import type { ItemVerification, ProgressItem } from "./types";

/**
 * A step of the write, run by whichever path carries it (see setItemProgress): a query, or
 * writes that do not depend on each other, which PostgreSQL runs as one statement.
 */
type Statement = { kind: "query"; sql: SqlQuery } | { kind: "writes"; sql: readonly SqlQuery[] };
/** The write as steps: yields statements, gets their rows back; the same on both paths. */
type WriteSteps<T> = Generator<Statement, T, unknown>;

function* query<T>(statement: SqlQuery): WriteSteps<T[]> {
  return (yield { kind: "query", sql: statement }) as T[];
}

/** Statements that change different tables and read nothing the others write. */
function* execute(...statements: SqlQuery[]): WriteSteps<void> {
  yield { kind: "writes", sql: statements };
}

/**
 * Serialises writers of one (person, item) on PostgreSQL, so the "before" each history event
 * records is the row as it really was. The unique (userId, itemId) upsert alone already
 * prevents duplicate rows; the lock keeps history exact. SQLite needs nothing: it has one
 * writer, and every write runs in a transaction of the one connection.
 */
function* lockItem(userId: string, itemId: string): WriteSteps<void> {
  if (getDatabaseConfig().provider !== "postgresql") return;
  yield* execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`progress:${userId}:${itemId}`}, 0))`);
}

/** The history item id of rung changes: not a checklist item, so exports leave it out. */
export const RUNG_EVENT_ITEM_ID = "ladder-rung";

/** A row of recordRungChange's read: a progress row (status, completedOn, expiresOn) or an own certification (title, issuer). */
type RungInputRow = { source: "progress" | "certification"; id: string; first: string | null; second: string | null; third: string | null };

/**
 * Records reaching or losing a rung as a history event of its own: {"rung": [before, after]}
 * (rung ids, null below the first). Only after a write that can move the rung: a status or
 * an expiry date changed. One more read, inside the write's transaction.
 * `before`: the fields each written item had before this write.
 */
function* recordRungChange(userId: string, before: ReadonlyMap<string, ProgressFields>, now: Date): WriteSteps<void> {
  // Read after the upserts: the rows hold the new state; the old one is `before`.
  // Both in one round trip: the person's rows and their own certifications, told apart by `source`.
  const read = yield* query<RungInputRow>(sql`
    SELECT 'progress' AS "source", "itemId" AS "id", "status" AS "first", "completedOn" AS "second", "expiresOn" AS "third" FROM "Progress" WHERE "userId" = ${userId}
    UNION ALL
    SELECT 'certification', "id", "title", "issuer", NULL FROM "CustomCertification" WHERE "userId" = ${userId}`);
  const rows: ProgressRow[] = [];
  const certs: { id: string; title: string; issuer: string }[] = [];
  for (const row of read) {
    if (row.source === "certification") certs.push({ id: row.id, title: row.first ?? "", issuer: row.second ?? "" });
    // Only validated statuses are ever written (lib/progress/schemas.ts).
    else rows.push({ itemId: row.id, status: row.first as ProgressRow["status"], completedOn: row.second, expiresOn: row.third });
  }
  const catalog = withCustomCertifications(CATALOG, certs);
  const today = todayUtc(now);
  const rowsBefore = rows.map((row) => {
    const old = before.get(row.itemId);
    return old ? { itemId: row.itemId, status: old.status, completedOn: old.completedOn, expiresOn: old.expiresOn } : row;
  });
  const from = evaluateLadder(catalog, rowsBefore, today).current?.id ?? null;
  const to = evaluateLadder(catalog, rows, today).current?.id ?? null;
  if (from === to) return;
  yield* execute(sql`
    INSERT INTO "ProgressEvent" ("id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt")
    VALUES (${newRowId()}, ${userId}, ${RUNG_EVENT_ITEM_ID}, ${null}, ${"todo"}, ${JSON.stringify({ rung: [from, to] })}, ${now})`);
}

/** A stored row's columns, null where the LEFT JOIN found no row. */
type NullableRow = { [K in keyof Omit<ProgressRowLike, "itemId">]-?: ProgressRowLike[K] | null };

type ItemWrite = {
  /** The item as saved (or as stored, when nothing changed). */
  item: ProgressItem;
  before: ProgressFields;
  changes: FieldChanges | null;
  /** When it was written: taken after the item's lock, so history orders writers as they wrote. */
  now: Date;
};

const movesRung = (changes: FieldChanges | null) => Boolean(changes?.status || changes?.expiresOn);

/**
 * One item's write: lock, read the stored row, merge, check, and (when anything changed) the
 * upsert, its history event and the end of a verification the change contradicts. Throws
 * AppError (nothing is then written: the caller's transaction or savepoint rolls back).
 */
function* writeItem(userId: string, itemId: string, update: ProgressUpdate): WriteSteps<ItemWrite> {
  yield* lockItem(userId, itemId);
  const catalogKind = checkableCatalogKind(itemId);
  // One row always: the stored row (status null when there is none) and whether the item is
  // one of this person's own certifications, in one round trip.
  const [existing] = yield* query<NullableRow & { ownCertificationId: string | null }>(sql`
    SELECT c."id" AS "ownCertificationId", p."status", p."completedOn", p."expiresOn", p."note", p."evidenceUrl", p."targetOn", p."updatedAt",
      v."issuerName" AS "verifiedBy", v."issuerId" AS "verifiedIssuerId", v."method" AS "verifiedMethod", v."verifiedAt" AS "verifiedAt"
    FROM (SELECT 1 AS "one") AS "single"
    LEFT JOIN "Progress" p ON p."userId" = ${userId} AND p."itemId" = ${itemId}
    LEFT JOIN "CertificationVerification" v ON v."userId" = p."userId" AND v."itemId" = p."itemId"
    LEFT JOIN "CustomCertification" c ON c."id" = ${itemId} AND c."userId" = ${userId}`);
  if (catalogKind === null && !existing?.ownCertificationId) throw notCheckable(itemId);
  const kind = catalogKind ?? "certification";
  const stored = existing?.status != null && existing.updatedAt != null ? toProgressItem({ ...existing, itemId, status: existing.status, updatedAt: existing.updatedAt }) : null;
  const before: ProgressFields = stored ?? untouchedItem(itemId);
  const after = mergeProgressUpdate(before, update);

  // Only a new target is checked: a stored one that has since passed may be kept (overdue).
  if (after.targetOn !== null && after.targetOn !== before.targetOn && after.targetOn < earliestTargetDate()) {
    throw new AppError("invalid_input", "targetOn: cannot be in the past.", { field: "targetOn" });
  }
  if (after.expiresOn !== null && kind !== "certification") {
    throw new AppError("invalid_input", "expiresOn: only certifications have an expiry date.", { field: "expiresOn" });
  }
  // Checked on the merged row: a request may send one date while the other is stored.
  if (isExpiryBeforeCompletion(after)) {
    throw new AppError("invalid_input", "expiresOn: cannot be before the date it was earned.", { field: "expiresOn" });
  }

  const changes = diffProgressFields(before, after);
  const now = new Date();
  if (!changes) return { item: stored ?? untouchedItem(itemId), before, changes, now };

  // A verified mark vouches for the credential's status and dates: changing them by hand ends it.
  const endsVerification = Boolean(changes.status || changes.completedOn || changes.expiresOn);
  // One round trip on PostgreSQL: the row, its history event and the end of a verification.
  yield* execute(
    // The unique (userId, itemId) index makes this one row per person and item, whatever races.
    sql`
    INSERT INTO "Progress" ("id", "userId", "itemId", "status", "completedOn", "expiresOn", "note", "evidenceUrl", "targetOn", "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${userId}, ${itemId}, ${after.status}, ${after.completedOn}, ${after.expiresOn}, ${after.note}, ${after.evidenceUrl}, ${after.targetOn}, ${now}, ${now})
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "status" = excluded."status", "completedOn" = excluded."completedOn", "expiresOn" = excluded."expiresOn",
      "note" = excluded."note", "evidenceUrl" = excluded."evidenceUrl", "targetOn" = excluded."targetOn", "updatedAt" = excluded."updatedAt"`,
    sql`
    INSERT INTO "ProgressEvent" ("id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt")
    VALUES (${newRowId()}, ${userId}, ${itemId}, ${stored?.status ?? null}, ${after.status}, ${JSON.stringify(changes)}, ${now})`,
    ...(endsVerification ? [sql`DELETE FROM "CertificationVerification" WHERE "userId" = ${userId} AND "itemId" = ${itemId}`] : []),
  );
  const verification = endsVerification ? null : (stored?.verification ?? null);
  return { item: { itemId, ...after, updatedAt: now.toISOString(), ...(verification ? { verification } : {}) }, before, changes, now };
}

/** One item's write and, when it can move the rung, its rung event. */
function* writeOne(userId: string, itemId: string, update: ProgressUpdate): WriteSteps<ProgressItem> {
  const write = yield* writeItem(userId, itemId, update);
  if (movesRung(write.changes)) yield* recordRungChange(userId, new Map([[itemId, write.before]]), write.now);
  return write.item;
}

/** One status for several items, each recorded as a single write would be, and one rung event for all. */
function* writeMany(userId: string, itemIds: readonly string[], status: ItemStatus): WriteSteps<ProgressItem[]> {
  const before = new Map<string, ProgressFields>();
  const items: ProgressItem[] = [];
  let now = new Date();
  // In one order for every writer, so two bulk writes on PostgreSQL cannot deadlock on the item locks.
  for (const itemId of [...itemIds].sort()) {
    const write = yield* writeItem(userId, itemId, { status });
    now = write.now;
    if (movesRung(write.changes)) before.set(itemId, write.before);
    items.push(write.item);
  }
  if (before.size > 0) yield* recordRungChange(userId, before, now);
  return items;
}

/** Runs the steps synchronously on SQLite's connection, inside a group-commit savepoint. */
function runOnSqlite<T>(connection: Database.Database, steps: WriteSteps<T>): T {
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    if (step.kind === "query") {
      next = steps.next(runSqlite(connection, step.sql));
    } else {
      for (const statement of step.sql) runSqlite(connection, statement);
      next = steps.next(undefined);
    }
  }
  return next.value;
}

/** Runs the steps in a PostgreSQL transaction of node-postgres's (runInPostgresTransaction). */
async function runOnPostgres<T>(run: PostgresStatementRunner, steps: WriteSteps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    next = steps.next(await run(step.kind === "query" ? step.sql : postgresWrites(step.sql)));
  }
  return next.value;
}

/** Runs the steps in a Prisma transaction (beside a write of Prisma's: afterWrite). */
async function runInTransaction<T>(tx: Tx, steps: WriteSteps<T>): Promise<T> {
  const isPostgres = getDatabaseConfig().provider === "postgresql";
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    if (step.kind === "query") {
      next = steps.next(await tx.$queryRaw(step.sql));
    } else {
      for (const statement of isPostgres ? [postgresWrites(step.sql)] : step.sql) await tx.$executeRaw(statement);
      next = steps.next(undefined);
    }
  }
  return next.value;
}

/**
 * Sets one item's status and details: an idempotent upsert. Omitted optional fields keep
 * their stored value, null clears them. Every change that alters the row records a history
 * event in the same transaction; a request that changes nothing writes nothing.
 * `update` is parsed by the caller with progressUpdateSchema (lib/progress/schemas.ts).
 * Throws AppError: invalid_input (400), not_found (404: not a checkable item of this person).
 *
 * Plain SQL, the same on SQLite and PostgreSQL: this is the app's busiest write, and Prisma
 * 6.19's query compiler made each of its statements cost more than the database's own work
 * (decision record 004). On SQLite it joins a group commit (decision record 014): answered
 * only after the COMMIT of its batch. On PostgreSQL a transaction on node-postgres's own
 * connection (decision record 020). With `afterWrite`, a Prisma transaction.
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
  if (!afterWrite) {
    if (getDatabaseConfig().provider === "sqlite") return runInWriteBatch((connection) => runOnSqlite(connection, writeOne(userId, itemId, update)));
    return runInPostgresTransaction((run) => runOnPostgres(run, writeOne(userId, itemId, update)));
  }

  return getDb().$transaction(
    async (tx) => {
      const item = await runInTransaction(tx, writeOne(userId, itemId, update));
      return afterWrite ? { ...item, verification: await afterWrite(tx) } : item;
    },
    // Concurrent writers of one item queue on the lock above; give them time.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/**
 * PATCH /api/progress: one status for several items, all or nothing, each change recorded in
 * history as a single write would record it, and one rung event for the whole change.
 * `itemIds` are distinct (bulkProgressSchema); a single unknown one refuses the request (404).
 * On SQLite one savepoint of a group commit holds the whole change.
 */
export async function setItemsStatus(userId: string, itemIds: readonly string[], status: ItemStatus): Promise<ProgressItem[]> {
  if (getDatabaseConfig().provider === "sqlite") {
    return runInWriteBatch((connection) => runOnSqlite(connection, writeMany(userId, itemIds, status)));
  }
  return runInPostgresTransaction((run) => runOnPostgres(run, writeMany(userId, itemIds, status)));
}
