import "server-only";
import { CATALOG, getCatalogItem, isCheckableKind } from "@/lib/catalog";
import { newCustomCertificationId } from "@/lib/certifications";
import { getDb, INSERT_ROWS_PER_STATEMENT, insertRows, newRowId, runTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseChanges } from "@/lib/history";
import { loadUserProgress } from "@/lib/progress";
import { checklistItemIds, checklistSections } from "@/lib/progress/checklist";
import { progressFieldsOf } from "@/lib/progress/fields";
import { toCsv } from "./csv";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, HISTORY_COLUMNS, IMPORT_MAX_BYTES, type ImportResult, type ImportUndoResult } from "./schemas";
import { keepForUndo, newestThatFit, restoreImport } from "./undo";

export type { ExportFile, ImportResult, ImportUndoResult } from "./schemas";

/**
 * All of one person's data as a versioned JSON document that importUserData reads back.
 * Rows and history for items no longer on the checklist are left out, and so is the oldest
 * history beyond what an import takes (IMPORT_MAX_HISTORY events, IMPORT_MAX_BYTES as
 * compact JSON), so every export can be imported again.
 */
export async function exportUserData(userId: string, now: Date = new Date()): Promise<ExportFile> {
  const db = getDb();
  const [user, { catalog, items, customCertifications }, events, plan] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { name: true, trackId: true } }),
    loadUserProgress(userId),
    db.progressEvent.findMany({
      where: { userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { itemId: true, fromStatus: true, toStatus: true, changes: true, createdAt: true },
    }),
    db.plan.findUnique({ where: { userId }, select: { targetRungId: true, targetDate: true } }),
  ]);
  if (!user) throw new AppError("unauthorized", "Please sign in again.");
  const known = new Set(checklistItemIds(catalog));
  const trackId = user.trackId && getCatalogItem(user.trackId)?.kind === "track" ? user.trackId : null;
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    user: { name: user.name, trackId: trackId as ExportFile["user"]["trackId"] },
    progress: items,
    customCertifications,
    history: [],
    plan,
  };
  const history = events
    .filter((event) => known.has(event.itemId))
    .map((event) => ({
      itemId: event.itemId,
      fromStatus: event.fromStatus as ExportFile["history"][number]["fromStatus"],
      toStatus: event.toStatus as ExportFile["history"][number]["toStatus"],
      // Stored by the app itself, so already within the import's rules.
      changes: parseChanges(event.changes) as ExportFile["history"][number]["changes"],
      createdAt: event.createdAt.toISOString(),
    }));
  return { ...file, history: newestThatFit(history, IMPORT_MAX_BYTES - Buffer.byteLength(JSON.stringify(file))) };
}

export const CSV_HEADER = [
  "section",
  "item_id",
  "title",
  "issuer",
  "status",
  "completed_on",
  "expires_on",
  "target_on",
  "note",
  "evidence_url",
  "updated_at",
  "verified_by",
  "verified_on",
] as const;

/** The whole checklist as CSV, one line per item; items never touched are "todo". Two queries. */
export async function exportChecklistCsv(userId: string): Promise<string> {
  const { catalog, items } = await loadUserProgress(userId);
  const byId = new Map(items.map((item) => [item.itemId, item]));
  const rows: (string | null)[][] = [[...CSV_HEADER]];
  for (const section of checklistSections(catalog)) {
    for (const entry of section.items) {
      const item = byId.get(entry.id);
      rows.push([
        section.title,
        entry.id,
        entry.title,
        entry.issuer,
        item?.status ?? "todo",
        item?.completedOn ?? null,
        item?.expiresOn ?? null,
        item?.targetOn ?? null,
        item?.note ?? null,
        item?.evidenceUrl ?? null,
        item?.updatedAt ?? null,
        item?.verification?.issuer ?? null,
        item?.verification?.verifiedAt.slice(0, 10) ?? null,
      ]);
    }
  }
  return toCsv(rows);
}

/** History entries written at a time, between turns for other requests. */
const SLICE = INSERT_ROWS_PER_STATEMENT;

function yieldToOtherRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function invalid(message: string, field: string): AppError {
  return new AppError("invalid_input", message, { field });
}

/**
 * Restores an export into this person's account, replacing their checklist, their own
 * certifications and their history (and setting their track; their name only when the
 * account has none). All or nothing: a file that fails any check changes nothing.
 * Certifications get new ids, since the exported ones may still belong to another account.
 * What it replaces is kept so the import can be undone for a few minutes (undoImport).
 * `file` is parsed by the caller with exportFileSchema or importFileSchema (lib/data-transfer/schemas.ts).
 */
export async function importUserData(userId: string, file: ExportFile, now: Date = new Date()): Promise<ImportResult> {
  const newIds = new Map<string, string>();
  file.customCertifications.forEach((cert, i) => {
    if (newIds.has(cert.id)) throw invalid(`customCertifications.${i}.id: "${cert.id}" appears twice.`, `customCertifications.${i}.id`);
    if (getCatalogItem(cert.id)) throw invalid(`customCertifications.${i}.id: "${cert.id}" is a catalog id.`, `customCertifications.${i}.id`);
    newIds.set(cert.id, newCustomCertificationId());
  });
  const kindOf = (itemId: string) => {
    if (newIds.has(itemId)) return "certification";
    const ref = getCatalogItem(itemId);
    return ref && isCheckableKind(ref.kind) ? ref.kind : null;
  };
  const mapId = (itemId: string) => newIds.get(itemId) ?? itemId;

  const seen = new Set<string>();
  file.progress.forEach((row, i) => {
    const kind = kindOf(row.itemId);
    if (!kind) throw invalid(`progress.${i}.itemId: there is no checklist item "${row.itemId}".`, `progress.${i}.itemId`);
    if (seen.has(row.itemId)) throw invalid(`progress.${i}.itemId: "${row.itemId}" appears twice.`, `progress.${i}.itemId`);
    seen.add(row.itemId);
    if (row.expiresOn !== null && kind !== "certification") {
      throw invalid(`progress.${i}.expiresOn: only certifications have an expiry date.`, `progress.${i}.expiresOn`);
    }
  });
  if (file.plan?.targetRungId && !CATALOG.ladder.some((level) => level.id === file.plan?.targetRungId)) {
    throw invalid(`plan.targetRungId: there is no rung "${file.plan.targetRungId}".`, "plan.targetRungId");
  }
  file.history.forEach((event, i) => {
    if (!kindOf(event.itemId)) throw invalid(`history.${i}.itemId: there is no checklist item "${event.itemId}".`, `history.${i}.itemId`);
  });

  let undo: ImportResult["undo"];
  try {
    undo = await runTransaction(
      async (tx) => {
        const ticket = await keepForUndo(tx, userId, now);
        await tx.progressEvent.deleteMany({ where: { userId } });
        await tx.progress.deleteMany({ where: { userId } });
        await tx.certificationVerification.deleteMany({ where: { userId } });
        await tx.customCertification.deleteMany({ where: { userId } });
        if (file.customCertifications.length > 0) {
          await tx.customCertification.createMany({
            data: file.customCertifications.map((cert) => ({ id: mapId(cert.id), userId, title: cert.title, issuer: cert.issuer })),
          });
        }
        if (file.progress.length > 0) {
          await tx.progress.createMany({
            data: file.progress.map((row) => ({
              userId,
              itemId: mapId(row.itemId),
              ...progressFieldsOf(row),
              ...(row.updatedAt ? { updatedAt: new Date(row.updatedAt) } : {}),
            })),
          });
        }
        // Multi-row INSERTs in slices, yielding between them: on SQLite each statement holds
        // the event loop, and other requests (health checks included) get their turn.
        for (let start = 0; start < file.history.length; start += SLICE) {
          const rows = file.history
            .slice(start, start + SLICE)
            .map((event) => [newRowId(), userId, mapId(event.itemId), event.fromStatus, event.toStatus, JSON.stringify(event.changes), new Date(event.createdAt)]);
          await insertRows(tx, "ProgressEvent", HISTORY_COLUMNS, rows);
          await yieldToOtherRequests();
        }
        // The plan is replaced too; its revision only ever rises (the calendar's SEQUENCE).
        const plan = file.plan ?? { targetRungId: null, targetDate: null };
        await tx.plan.upsert({ where: { userId }, create: { userId, ...plan, revision: 1 }, update: { ...plan, revision: { increment: 1 } } });
        const { count } = await tx.user.updateMany({ where: { id: userId }, data: { trackId: file.user.trackId } });
        if (count === 0) throw new AppError("unauthorized", "Please sign in again.");
        if (file.user.name) await tx.user.updateMany({ where: { id: userId, name: null }, data: { name: file.user.name } });
        return ticket;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    // A checklist change saved while the import ran collides with a restored row.
    if ((error as { code?: unknown }).code === "P2002") {
      throw new AppError("conflict", "Your checklist changed while the import ran. Nothing was imported; please try again.");
    }
    throw error;
  }

  return {
    restored: {
      progress: file.progress.length,
      customCertifications: file.customCertifications.length,
      history: file.history.length,
      trackId: file.user.trackId,
    },
    undo,
  };
}

/**
 * Puts back what this person's last import replaced: once, and only until the time the
 * import named. Throws AppError not_found (unknown, another person's or expired) or conflict
 * (already undone).
 */
export async function undoImport(userId: string, id: string, now: Date = new Date()): Promise<ImportUndoResult> {
  return runTransaction((tx) => restoreImport(tx, userId, id, now), { maxWait: 10_000, timeout: 30_000 });
}
