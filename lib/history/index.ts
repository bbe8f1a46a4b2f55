import "server-only";
import { type Catalog, getCatalogItem, type ItemStatus } from "@/lib/catalog";
import { removedCertificationTitles } from "@/lib/certifications";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadUserProgress } from "@/lib/progress";
import { RUNG_EVENT_ITEM_ID } from "@/lib/progress/set-item-progress";
import { summarizeProgress } from "@/lib/progress/checklist";
import { HISTORY_PAGE_DEFAULT } from "./schemas";
import type { DonePoint, HistoryEvent, HistoryOverview, HistoryPage } from "./types";

export type { DonePoint, HistoryEvent, HistoryOverview, HistoryPage } from "./types";

type Cursor = { createdAt: Date; id: string };

// The cursor names the last event of a page by (time, id), not by row id alone, so the next
// page is found inside this person's own events and never by looking up someone else's row.
function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const [time, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  // Only times the database can hold: a far-future or ancient date would fail in the query.
  const year = createdAt.getUTCFullYear();
  if (!id || Number.isNaN(createdAt.getTime()) || year < 1970 || year > 9999) throw new AppError("invalid_input", "cursor: is not valid.", { field: "cursor" });
  return { createdAt, id };
}

/** The stored {field: [before, after]} of an event; {} if a row holds anything else. */
export function parseChanges(json: string): HistoryEvent["changes"] {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as HistoryEvent["changes"]) : {};
  } catch {
    return {};
  }
}

/** A page of history: `cursor` and `limit` as parsed by historyQuerySchema. */
export type HistoryQuery = { cursor?: string; limit?: number };

/** This person's changes, newest first, a page at a time. Three queries. */
export async function listHistory(userId: string, query: HistoryQuery = {}): Promise<HistoryPage> {
  const [{ catalog }, page] = await Promise.all([loadUserProgress(userId), readHistoryPage(userId, query)]);
  return toHistoryPage(page, catalog, await removedTitles(userId, page.rows, catalog));
}

/**
 * The history page: its first page of changes, the done-over-time series and the number of
 * checklist items, with the person's progress loaded once.
 */
export async function getHistoryOverview(userId: string, limit?: number): Promise<HistoryOverview> {
  const [{ catalog, items }, page, doneOverTime] = await Promise.all([loadUserProgress(userId), readHistoryPage(userId, { limit }), getDoneOverTime(userId)]);
  return { page: toHistoryPage(page, catalog, await removedTitles(userId, page.rows, catalog)), doneOverTime, total: summarizeProgress(catalog, items).total };
}

type EventRow = { id: string; itemId: string; fromStatus: string | null; toStatus: string; changes: string; createdAt: Date };

async function readHistoryPage(userId: string, { cursor: after, limit = HISTORY_PAGE_DEFAULT }: HistoryQuery): Promise<{ rows: EventRow[]; limit: number }> {
  const cursor = after ? decodeCursor(after) : null;
  const rows = await getDb().progressEvent.findMany({
    where: {
      userId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return { rows, limit };
}

/** Names of removed own certifications on this page (a query only when the page has any). */
function removedTitles(userId: string, rows: EventRow[], catalog: Catalog): Promise<Map<string, string>> {
  const gone = [...new Set(rows.map((row) => row.itemId).filter((id) => !getCatalogItem(id, catalog)))];
  return removedCertificationTitles(userId, gone);
}

function toHistoryPage({ rows, limit }: { rows: EventRow[]; limit: number }, catalog: Catalog, removed: Map<string, string>): HistoryPage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map((row) => ({
      id: row.id,
      itemId: row.itemId,
      itemTitle:
        row.itemId === RUNG_EVENT_ITEM_ID
          ? "Your rung"
          : (getCatalogItem(row.itemId, catalog)?.item.title ?? removed.get(row.itemId) ?? "An item no longer on the checklist"),
      fromStatus: row.fromStatus as ItemStatus | null,
      toStatus: row.toStatus as ItemStatus,
      changes: parseChanges(row.changes),
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/**
 * How many items were done at the end of each day on which that number changed, replayed
 * from the history (UTC days). One query.
 */
export async function getDoneOverTime(userId: string): Promise<DonePoint[]> {
  const rows = await getDb().progressEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { itemId: true, toStatus: true, createdAt: true },
  });
  const doneItems = new Set<string>();
  const points: DonePoint[] = [];
  for (const row of rows) {
    if (row.toStatus === "done") doneItems.add(row.itemId);
    else doneItems.delete(row.itemId);
    const date = row.createdAt.toISOString().slice(0, 10);
    const last = points[points.length - 1];
    if (last?.date === date) last.done = doneItems.size;
    else if (last?.done !== doneItems.size) points.push({ date, done: doneItems.size });
  }
  return points;
}
