import "server-only";
import type { ItemStatus } from "@/lib/catalog";
import { readRows, sql } from "@/lib/db";
import type { ProgressItem } from "./types";

export type ProgressRowLike = {
  itemId: string;
  status: string;
  completedOn: string | null;
  expiresOn: string | null;
  note: string | null;
  evidenceUrl: string | null;
  /** A Date from Prisma, ISO text from readRows. */
  updatedAt: Date | string;
};

export function toProgressItem(row: ProgressRowLike): ProgressItem {
  return {
    itemId: row.itemId,
    // Only validated statuses are ever written (lib/progress/schemas.ts).
    status: row.status as ItemStatus,
    completedOn: row.completedOn,
    expiresOn: row.expiresOn,
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * Every stored row of one person, in a stable order. One query, on lib/db's fast read path:
 * every page and API call that shows progress makes it.
 */
export async function loadProgressItems(userId: string): Promise<ProgressItem[]> {
  const rows = await readRows<ProgressRowLike>(sql`
    SELECT "itemId", "status", "completedOn", "expiresOn", "note", "evidenceUrl", "updatedAt"
    FROM "Progress" WHERE "userId" = ${userId} ORDER BY "itemId" ASC`);
  return rows.map(toProgressItem);
}
