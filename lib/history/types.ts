import type { ItemStatus } from "@/lib/catalog";

export type HistoryField = "status" | "completedOn" | "expiresOn" | "note" | "evidenceUrl" | "targetOn";

export type HistoryEvent = {
  id: string;
  itemId: string;
  itemTitle: string;
  /** null: the item had never been saved before (it was "todo"). */
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus;
  changes: Partial<Record<HistoryField, [string | null, string | null]>>;
  createdAt: string;
};

export type HistoryPage = { events: HistoryEvent[]; nextCursor: string | null };

/** Items done at the end of each day on which the count changed (UTC days). */
export type DonePoint = { date: string; done: number };
