import "server-only";
import { getCatalogItem } from "@/lib/catalog";
import { insertRows, newRowId, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { diffProgressFields, type ProgressFields, progressFieldsOf, untouchedItem } from "@/lib/progress/fields";
import { HISTORY_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_HISTORY } from "./schemas";

/** How long an import can be undone: long enough to notice a wrong file (decision record 016). */
export const IMPORT_UNDO_MINUTES = 10;

export type ImportUndoTicket = { id: string; expiresAt: string };

type Row = Record<string, unknown>;

/** Everything an import replaces, as stored (ids, verifications and rung events included). */
type Snapshot = {
  user: { name: string | null; trackId: string | null };
  progress: (Row & ProgressFields & { itemId: string })[];
  customCertifications: Row[];
  verifications: Row[];
  events: Row[];
  plan: Row | null;
};

/** The newest entries (oldest first, as given) whose compact JSON fits in `budget` bytes. */
export function newestThatFit<T>(entries: T[], budget: number, maxCount = IMPORT_MAX_HISTORY): T[] {
  let start = entries.length;
  let left = budget;
  while (start > 0 && entries.length - start < maxCount) {
    const size = Buffer.byteLength(JSON.stringify(entries[start - 1])) + 1;
    if (size > left) break;
    left -= size;
    start -= 1;
  }
  return entries.slice(start);
}

async function takeSnapshot(tx: Tx, userId: string): Promise<string> {
  const where = { where: { userId } };
  const [user, progress, customCertifications, verifications, events, plan] = await Promise.all([
    tx.user.findUnique({ where: { id: userId }, select: { name: true, trackId: true } }),
    tx.progress.findMany(where),
    tx.customCertification.findMany(where),
    tx.certificationVerification.findMany(where),
    tx.progressEvent.findMany({ ...where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    tx.plan.findUnique({ where: { userId } }),
  ]);
  if (!user) throw new AppError("unauthorized", "Please sign in again.");
  const rest: Snapshot = { user, progress: progress as Snapshot["progress"], customCertifications, verifications, events: [], plan };
  // Bounded like an import: the oldest history goes first when the snapshot would be larger.
  const history = newestThatFit(events, IMPORT_MAX_BYTES - Buffer.byteLength(JSON.stringify(rest)));
  return JSON.stringify({ ...rest, events: history });
}

/**
 * Inside the import's transaction, before it replaces anything: keeps what is about to be
 * replaced, drops this person's older undo (it describes a state that is gone) and every
 * expired one (a snapshot can be megabytes; none is of use once expired).
 */
export async function keepForUndo(tx: Tx, userId: string, now: Date): Promise<ImportUndoTicket> {
  const snapshot = await takeSnapshot(tx, userId);
  await tx.importUndo.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lte: now } }] } });
  const expiresAt = new Date(now.getTime() + IMPORT_UNDO_MINUTES * 60_000);
  const id = newRowId();
  await writeSnapshot(tx, { id, userId, snapshot, expiresAt, createdAt: now });
  return { id, expiresAt: expiresAt.toISOString() };
}

/**
 * A snapshot can be 8 MiB. Every value Prisma sends passes through its WebAssembly query
 * compiler, whose memory grows to several times the largest value and never shrinks (decision
 * records 018 and 023): the row is written on the transaction's own connection (insertRows).
 */
async function writeSnapshot(tx: Tx, row: { id: string; userId: string; snapshot: string; expiresAt: Date; createdAt: Date }): Promise<void> {
  await insertRows(tx, "ImportUndo", Object.keys(row), [Object.values(row)]);
}

/**
 * Puts back what an import replaced, once: 404 for an id that is unknown, another person's or
 * expired, 409 when it was already used. The change is recorded like any write: one history
 * event per item whose row differs from what the import left.
 */
export async function restoreImport(tx: Tx, userId: string, id: string, now: Date): Promise<{ restored: { progress: number } }> {
  const undo = await tx.importUndo.findFirst({ where: { id, userId, expiresAt: { gt: now } }, select: { snapshot: true, usedAt: true } });
  if (!undo) throw new AppError("not_found", "This import can no longer be undone.");
  // Claimed before restoring, so two undos racing each other restore once.
  const { count } = await tx.importUndo.updateMany({ where: { id, userId, usedAt: null }, data: { usedAt: now, snapshot: "" } });
  if (undo.usedAt || count === 0) throw new AppError("conflict", "This import was already undone.");
  const snapshot = JSON.parse(undo.snapshot) as Snapshot;

  const imported = await tx.progress.findMany({ where: { userId } });
  await tx.progressEvent.deleteMany({ where: { userId } });
  await tx.progress.deleteMany({ where: { userId } });
  await tx.certificationVerification.deleteMany({ where: { userId } });
  await tx.customCertification.deleteMany({ where: { userId } });
  await tx.plan.deleteMany({ where: { userId } });
  // The snapshot holds the rows as read (dates as ISO text, which Prisma accepts back).
  if (snapshot.customCertifications.length > 0) await tx.customCertification.createMany({ data: snapshot.customCertifications as never });
  if (snapshot.progress.length > 0) await tx.progress.createMany({ data: snapshot.progress as never });
  if (snapshot.verifications.length > 0) await tx.certificationVerification.createMany({ data: snapshot.verifications as never });
  // Up to 20,000 rows: on the transaction's own connection, past Prisma (insertRows), as the
  // import writes them; the dates back as Dates, so each database stores them in its own format.
  await insertRows(
    tx,
    "ProgressEvent",
    HISTORY_COLUMNS,
    snapshot.events.map((event) => HISTORY_COLUMNS.map((column) => (column === "createdAt" ? new Date(event.createdAt as string) : event[column]))),
  );
  if (snapshot.plan) await tx.plan.create({ data: snapshot.plan as never });
  await tx.user.updateMany({ where: { id: userId }, data: { trackId: snapshot.user.trackId, name: snapshot.user.name } });

  const importedById = new Map(imported.map((row) => [row.itemId, progressFieldsOf(row as ProgressFields)]));
  const restoredById = new Map(snapshot.progress.map((row) => [row.itemId, progressFieldsOf(row)]));
  const restoredCertifications = new Set(snapshot.customCertifications.map((cert) => cert.id));
  // Items that exist again: the imported file's own certifications are gone with it.
  const itemIds = [...new Set([...importedById.keys(), ...restoredById.keys()])].filter((itemId) => getCatalogItem(itemId) || restoredCertifications.has(itemId));
  const events = itemIds.flatMap((itemId) => {
    const before = importedById.get(itemId) ?? untouchedItem(itemId);
    const after = restoredById.get(itemId) ?? untouchedItem(itemId);
    const changes = diffProgressFields(before, after);
    if (!changes) return [];
    return [{ id: newRowId(), userId, itemId, fromStatus: importedById.has(itemId) ? before.status : null, toStatus: after.status, changes: JSON.stringify(changes), createdAt: now }];
  });
  if (events.length > 0) await tx.progressEvent.createMany({ data: events });
  return { restored: { progress: snapshot.progress.length } };
}
