import "server-only";
import { CATALOG, type ItemStatus, withCustomCertifications } from "@/lib/catalog";
import { findCheckableItemKind } from "@/lib/certifications";
import { todayUtc } from "@/lib/clock";
import { getDatabaseConfig, getDb, newRowId, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateLadder, type ProgressRow } from "@/lib/ladder";
import { diffProgressFields, type FieldChanges, isExpiryBeforeCompletion, mergeProgressUpdate, type ProgressFields, untouchedItem } from "./fields";
import { type ProgressRowLike, toProgressItem } from "./rows";
import { earliestTargetDate, ITEM_ID_MAX_CHARS, type ProgressUpdate } from "./schemas";
import type { ItemVerification, ProgressItem } from "./types";

/**
 * Serialises writers of one (person, item) on PostgreSQL, so the "before" each history event
 * records is the row as it really was. The unique (userId, itemId) upsert alone already
 * prevents duplicate rows; the lock keeps history exact. SQLite needs nothing: the driver
 * adapter runs one transaction at a time per connection, and SQLite has one writer.
 */
async function lockItem(tx: Tx, userId: string, itemId: string): Promise<void> {
  if (getDatabaseConfig().provider !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`progress:${userId}:${itemId}`}, 0))`;
}

/** The history item id of rung changes: not a checklist item, so exports leave it out. */
export const RUNG_EVENT_ITEM_ID = "ladder-rung";

/**
 * Records reaching or losing a rung as a history event of its own: {"rung": [before, after]}
 * (rung ids, null below the first). Only after a write that can move the rung: a status or
 * an expiry date changed. Two more reads, inside the write's transaction.
 * `before`: the fields each written item had before this write.
 */
async function recordRungChange(tx: Tx, userId: string, before: ReadonlyMap<string, ProgressFields>, now: Date): Promise<void> {
  // Read after the upserts: the rows hold the new state; the old one is `before`.
  const [rows, certs] = await Promise.all([
    tx.$queryRaw<ProgressRow[]>`SELECT "itemId", "status", "completedOn", "expiresOn" FROM "Progress" WHERE "userId" = ${userId}`,
    tx.$queryRaw<{ id: string; title: string; issuer: string }[]>`SELECT "id", "title", "issuer" FROM "CustomCertification" WHERE "userId" = ${userId}`,
  ]);
  const catalog = withCustomCertifications(CATALOG, certs);
  const today = todayUtc(now);
  const rowsBefore = rows.map((row) => {
    const old = before.get(row.itemId);
    return old ? { itemId: row.itemId, status: old.status, completedOn: old.completedOn, expiresOn: old.expiresOn } : row;
  });
  const from = evaluateLadder(catalog, rowsBefore, today).current?.id ?? null;
  const to = evaluateLadder(catalog, rows, today).current?.id ?? null;
  if (from === to) return;
  await tx.$executeRaw`
    INSERT INTO "ProgressEvent" ("id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt")
    VALUES (${newRowId()}, ${userId}, ${RUNG_EVENT_ITEM_ID}, ${null}, ${"todo"}, ${JSON.stringify({ rung: [from, to] })}, ${now})`;
}

type ItemWrite = {
  stored: ProgressItem | null;
  before: ProgressFields;
  after: ProgressFields;
  changes: FieldChanges | null;
  verification: ItemVerification | null;
  /** When it was written: taken after the item's lock, so history orders writers as they wrote. */
  now: Date;
};

/**
 * One item's write inside a transaction: lock, check, merge, and (when anything changed) the
 * upsert, its history event and the end of a verification the change contradicts.
 */
async function writeItem(tx: Tx, userId: string, itemId: string, update: ProgressUpdate): Promise<ItemWrite> {
  await lockItem(tx, userId, itemId);
  const kind = await findCheckableItemKind(userId, itemId, tx);
  const [existing] = await tx.$queryRaw<Omit<ProgressRowLike, "itemId">[]>`
    SELECT p."status", p."completedOn", p."expiresOn", p."note", p."evidenceUrl", p."targetOn", p."updatedAt",
      v."issuerName" AS "verifiedBy", v."issuerId" AS "verifiedIssuerId", v."method" AS "verifiedMethod", v."verifiedAt" AS "verifiedAt"
    FROM "Progress" p LEFT JOIN "CertificationVerification" v ON v."userId" = p."userId" AND v."itemId" = p."itemId"
    WHERE p."userId" = ${userId} AND p."itemId" = ${itemId}`;
  const stored = existing ? toProgressItem({ itemId, ...existing }) : null;
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
  let verification = stored?.verification ?? null;
  const now = new Date();
  if (!changes) return { stored, before, after, changes, verification, now };

  // The unique (userId, itemId) index makes this one row per person and item, whatever races.
  await tx.$executeRaw`
    INSERT INTO "Progress" ("id", "userId", "itemId", "status", "completedOn", "expiresOn", "note", "evidenceUrl", "targetOn", "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${userId}, ${itemId}, ${after.status}, ${after.completedOn}, ${after.expiresOn}, ${after.note}, ${after.evidenceUrl}, ${after.targetOn}, ${now}, ${now})
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "status" = excluded."status", "completedOn" = excluded."completedOn", "expiresOn" = excluded."expiresOn",
      "note" = excluded."note", "evidenceUrl" = excluded."evidenceUrl", "targetOn" = excluded."targetOn", "updatedAt" = excluded."updatedAt"`;
  await tx.$executeRaw`
    INSERT INTO "ProgressEvent" ("id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt")
    VALUES (${newRowId()}, ${userId}, ${itemId}, ${stored?.status ?? null}, ${after.status}, ${JSON.stringify(changes)}, ${now})`;
  // A verified mark vouches for the credential's status and dates: changing them by hand ends it.
  if (changes.status || changes.completedOn || changes.expiresOn) {
    await tx.$executeRaw`DELETE FROM "CertificationVerification" WHERE "userId" = ${userId} AND "itemId" = ${itemId}`;
    verification = null;
  }
  return { stored, before, after, changes, verification, now };
}

const movesRung = (changes: FieldChanges | null) => Boolean(changes?.status || changes?.expiresOn);

/**
 * Sets one item's status and details: an idempotent upsert. Omitted optional fields keep
 * their stored value, null clears them. Every change that alters the row records a history
 * event in the same transaction; a request that changes nothing writes nothing.
 * `update` is parsed by the caller with progressUpdateSchema (lib/progress/schemas.ts).
 * Throws AppError: invalid_input (400), not_found (404: not a checkable item of this person).
 *
 * Plain SQL inside the Prisma transaction, the same on SQLite and PostgreSQL: this is the
 * app's busiest write, and Prisma 6.19's query compiler made each of its statements cost more
 * than the database's own work (decision record 004, docs/benchmarks.md).
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

  return getDb().$transaction(
    async (tx) => {
      const { stored, before, after, changes, verification, now } = await writeItem(tx, userId, itemId, update);
      if (!changes) {
        if (!afterWrite) return stored ?? untouchedItem(itemId);
        return { ...(stored ?? untouchedItem(itemId)), verification: await afterWrite(tx) };
      }
      if (movesRung(changes)) await recordRungChange(tx, userId, new Map([[itemId, before]]), now);
      const verified = afterWrite ? await afterWrite(tx) : verification;
      return { itemId, ...after, updatedAt: now.toISOString(), ...(verified ? { verification: verified } : {}) };
    },
    // Concurrent writers of one item queue on the lock above; give them time.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/**
 * PATCH /api/progress: one status for several items, all or nothing, each change recorded in
 * history as a single write would record it, and one rung event for the whole change.
 * `itemIds` are distinct (bulkProgressSchema); a single unknown one refuses the request (404).
 */
export async function setItemsStatus(userId: string, itemIds: readonly string[], status: ItemStatus): Promise<ProgressItem[]> {
  return getDb().$transaction(
    async (tx) => {
      let now = new Date();
      const before = new Map<string, ProgressFields>();
      const items: ProgressItem[] = [];
      // In one order for every writer, so two bulk writes on PostgreSQL cannot deadlock on the item locks.
      for (const itemId of [...itemIds].sort()) {
        const write = await writeItem(tx, userId, itemId, { status });
        now = write.now;
        if (movesRung(write.changes)) before.set(itemId, write.before);
        const saved = write.changes ? { itemId, ...write.after, updatedAt: write.now.toISOString() } : (write.stored ?? untouchedItem(itemId));
        items.push({ ...saved, ...(write.verification ? { verification: write.verification } : {}) });
      }
      if (before.size > 0) await recordRungChange(tx, userId, before, now);
      return items;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
