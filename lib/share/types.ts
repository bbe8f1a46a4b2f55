import type { ItemStatus } from "@/lib/catalog";
import type { ProgressSummary } from "@/lib/progress/types";

// DTOs of the sharing feature (types only, shared with client components).

export type ShareSettings = { isEnabled: boolean; showChecklist: boolean; createdAt: string | null };

export type SharedRung = { title: string; shortTitle: string; salaryMin: number; salaryMax: number };

/** Everything the public page shows: never notes, evidence links, dates or the email address. */
export type SharedPlan = {
  name: string | null;
  current: SharedRung | null;
  next: SharedRung | null;
  percentToNext: number;
  overallPercent: number;
  summary: ProgressSummary;
  /** What is missing for the next rung: the requirement and the items that would meet it. */
  missing: { title: string; items: string[] }[];
  /** Only when the person ticked "show my checklist". */
  checklist: { section: string; items: { title: string; status: ItemStatus }[] }[] | null;
};
