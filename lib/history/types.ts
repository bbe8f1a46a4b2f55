import type { ItemStatus } from "@/lib/catalog";
import type { FieldChanges } from "@/lib/progress/fields";

export type HistoryEvent = {
  id: string;
  itemId: string;
  itemTitle: string;
  /** null: the item had never been saved before (it was "todo"). */
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus;
  changes: FieldChanges;
  createdAt: string;
};

export type HistoryPage = { events: HistoryEvent[]; nextCursor: string | null };

/** Items done at the end of each day on which the count changed (UTC days). */
export type DonePoint = { date: string; done: number };

/** What the history page shows: the first page, the done-over-time series, the checklist's size. */
export type HistoryOverview = { page: HistoryPage; doneOverTime: DonePoint[]; total: number };
