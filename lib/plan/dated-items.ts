import { addDays } from "@/lib/clock";
import type { ProgressItem } from "@/lib/progress/types";
import type { DatedItem } from "./types";

/** Target dates closer than this many days count as "next up". Here, not in schemas.ts, so the plan card gets it without zod. */
export const UPCOMING_DAYS = 30;

/**
 * Open items with a target date: the overdue ones (target before today) and the ones due from
 * today to UPCOMING_DAYS ahead. Done and skipped items are neither. Pure.
 */
export function datedItems(items: readonly ProgressItem[], today: string): { overdue: DatedItem[]; upcoming: DatedItem[] } {
  const horizon = addDays(today, UPCOMING_DAYS);
  const open = items
    .filter((item) => item.targetOn !== null && item.status !== "done" && item.status !== "skipped")
    .map((item) => ({ itemId: item.itemId, targetOn: item.targetOn as string }))
    .sort((a, b) => a.targetOn.localeCompare(b.targetOn) || a.itemId.localeCompare(b.itemId));
  return {
    overdue: open.filter((item) => item.targetOn < today),
    upcoming: open.filter((item) => item.targetOn >= today && item.targetOn <= horizon),
  };
}

