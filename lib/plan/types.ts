import type { Forecast } from "@/lib/ladder/forecast";

// Plain DTOs of the plan API, shared with client components (types only).

export type Plan = { targetRungId: string | null; targetDate: string | null };

export type DatedItem = { itemId: string; targetOn: string };

export type PlanView = Plan & {
  forecast: Forecast;
  /** Open items whose target date has passed, oldest first. */
  overdue: DatedItem[];
  /** Open items with a target date from today to UPCOMING_DAYS ahead, soonest first. */
  upcoming: DatedItem[];
};
