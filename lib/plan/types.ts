import type { Forecast } from "@/lib/ladder/forecast";

// Plain DTOs of the plan API, shared with client components (types only).

export type Plan = { targetRungId: string | null; targetDate: string | null };

export type DatedItem = { itemId: string; targetOn: string };

/** A dated item with its title, as the plan card shows it. */
export type TitledDatedItem = DatedItem & { title: string };

/** Every rung, so the plan card can offer the ones not yet reached. */
export type PlanRung = { id: string; title: string; shortTitle: string; reached: boolean };

export type PlanView = Plan & {
  forecast: Forecast;
  /** Open items whose target date has passed, oldest first. */
  overdue: TitledDatedItem[];
  /** Open items with a target date from today to UPCOMING_DAYS ahead, soonest first. */
  upcoming: TitledDatedItem[];
  rungs: PlanRung[];
};
