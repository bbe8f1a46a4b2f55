import "server-only";
import type { ItemStatus } from "@/lib/catalog";
import { type Db, getDb, type Tx } from "@/lib/db";
import type { ProgressItem } from "./types";

type ProgressRowLike = {
  itemId: string;
  status: string;
  completedOn: string | null;
  expiresOn: string | null;
  note: string | null;
  evidenceUrl: string | null;
  updatedAt: Date;
};

export const PROGRESS_SELECT = {
  itemId: true,
  status: true,
  completedOn: true,
  expiresOn: true,
  note: true,
  evidenceUrl: true,
  updatedAt: true,
} as const;

export function toProgressItem(row: ProgressRowLike): ProgressItem {
  return {
    itemId: row.itemId,
    // Only validated statuses are ever written (lib/progress/schemas.ts).
    status: row.status as ItemStatus,
    completedOn: row.completedOn,
    expiresOn: row.expiresOn,
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function untouchedItem(itemId: string): ProgressItem {
  return { itemId, status: "todo", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, updatedAt: null };
}

/** Every stored row of one person, in a stable order. One query. */
export async function loadProgressItems(userId: string, db: Db | Tx = getDb()): Promise<ProgressItem[]> {
  const rows = await db.progress.findMany({ where: { userId }, select: PROGRESS_SELECT, orderBy: { itemId: "asc" } });
  return rows.map(toProgressItem);
}
