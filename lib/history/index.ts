import "server-only";
import { CATALOG, getCatalogItem, type ItemStatus, withCustomCertifications } from "@/lib/catalog";
import { listCustomCertifications } from "@/lib/certifications";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromZodError } from "@/lib/http";
import { type HistoryQuery, historyQuerySchema } from "./schemas";
import type { DonePoint, HistoryEvent, HistoryPage } from "./types";

export type { DonePoint, HistoryEvent, HistoryPage } from "./types";

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

/** This person's changes, newest first, a page at a time. Two queries. */
export async function listHistory(userId: string, query: HistoryQuery = {}): Promise<HistoryPage> {
  const parsed = historyQuerySchema.safeParse(query);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { limit } = parsed.data;
  const cursor = parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null;
  const db = getDb();
  const [rows, certs] = await Promise.all([
    db.progressEvent.findMany({
      where: {
        userId,
        ...(cursor
          ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
    listCustomCertifications(userId),
  ]);
  const catalog = withCustomCertifications(CATALOG, certs);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map((row) => ({
      id: row.id,
      itemId: row.itemId,
      itemTitle: getCatalogItem(row.itemId, catalog)?.item.title ?? "An item no longer on the checklist",
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
