import type { Catalog, ItemStatus } from "../catalog";
import { addDays as addDaysIso } from "../clock";
import { daysBetween, toIsoDate } from "./dates";
import { evaluateLadder, type LadderEvaluation } from "./evaluate";
import { createSatisfaction, missingCandidateIds } from "./requirements";

// The pace forecast of a learning plan. Pure: `today` is passed in, nothing is read from a
// clock or a database. The rule, in words (also on the dashboard and in docs/decisions):
// pace = requirements met per week over the last 8 weeks (fewer when the person's history is
// shorter, but never fewer than 2 weeks); requirements are counted as the ladder counts them,
// so alternatives and skipped items change nothing. The projection adds that pace week by
// week to the requirements already met; a done certification whose expiry date falls inside
// the horizon counts as lost from the day after it expires, as the ladder does.

/** The look-back window of the pace. */
export const PACE_WINDOW_DAYS = 56;
/** Below this much history there is no pace, only "not enough history yet". */
export const MIN_HISTORY_DAYS = 14;
/** Projections further out than this are not given (about 5 years). */
export const FORECAST_HORIZON_DAYS = 5 * 365;

export type ForecastRow = {
  readonly itemId: string;
  readonly status: ItemStatus;
  readonly completedOn?: string | null;
  readonly expiresOn?: string | null;
  /** When the row was last changed (ISO timestamp); the done date when completedOn is empty. */
  readonly updatedAt?: string | null;
};

export type ForecastBasis =
  /** Enough history and some progress in the window: dates are projected from the pace. */
  | "pace"
  /** Less than MIN_HISTORY_DAYS of history: no pace is guessed. */
  | "not_enough_history"
  /** History long enough, but no requirement met in the window: no date can be projected. */
  | "no_recent_progress"
  /** Every rung is reached: nothing left to forecast. */
  | "top_reached";

export type Forecast = {
  basis: ForecastBasis;
  /** Requirements met per week, two decimals; null without enough history. */
  perWeek: number | null;
  /** Length of the window the pace was measured over, in days (0 without history). */
  windowDays: number;
  /** Requirements met in the window (net of any lost); null without enough history. */
  metInWindow: number | null;
  nextRungId: string | null;
  /** Projected date of the next rung; null when there is no pace or it is beyond the horizon. */
  nextRungOn: string | null;
  /** The goal's rung: the plan's target rung, or the next rung when only a date is set. */
  targetRungId: string | null;
  /** true when the target rung is already reached. */
  targetReached: boolean;
  targetRungOn: string | null;
  /** Against the plan's target date: null without a date or without a pace. */
  onTrack: boolean | null;
  /** Whole weeks the projection lies after the target date; 0 when on track. */
  weeksBehind: number | null;
};

export type ForecastInput = {
  catalog: Catalog;
  items: readonly ForecastRow[];
  /** First day of the person's recorded history ("YYYY-MM-DD"), or null when there is none. */
  historySince: string | null;
  targetRungId: string | null;
  targetDate: string | null;
  today: string;
  /** evaluateLadder(catalog, items, today), when the caller has it already. */
  evaluation?: LadderEvaluation;
};

/** The later of two ISO dates (they compare as strings). */
function laterOf(a: string, b: string): string {
  return [a, b].sort()[1] as string;
}

/** The day an item was done: its completion date, else the day the row was last saved. */
function doneOn(row: ForecastRow): string | null {
  return toIsoDate(row.completedOn) ?? toIsoDate(row.updatedAt);
}

/**
 * Whether each distinct requirement (a clause shared by rungs counts once) of the first
 * `rungCount` rungs is met on `day`, as evaluateLadder decides it. The forecast asks this
 * for several days per request, and needs none of the rest of an evaluation.
 */
function requirementsMet(catalog: Catalog, rows: readonly ForecastRow[], day: string, rungCount = catalog.ladder.length): Map<string, boolean> {
  const satisfaction = createSatisfaction(catalog, rows, day);
  const met = new Map<string, boolean>();
  for (const level of catalog.ladder.slice(0, rungCount)) {
    for (const requirement of level.requirements) met.set(requirement.id, satisfaction.isRequirementMet(requirement));
  }
  return met;
}

/** Distinct requirements met, as the ladder counts them. */
function countMet(catalog: Catalog, rows: readonly ForecastRow[], day: string): number {
  return [...requirementsMet(catalog, rows, day).values()].filter(Boolean).length;
}

/** Requirements of the rungs up to and including `rungIndex` still unmet on `day`. */
function countUnmet(catalog: Catalog, rows: readonly ForecastRow[], day: string, rungIndex: number): number {
  return [...requirementsMet(catalog, rows, day, rungIndex + 1).values()].filter((isMet) => !isMet).length;
}

/**
 * The first day on which the pace has covered the requirements still open for a rung, or
 * null beyond the horizon. Between two certification expiries the open count is constant, so
 * the timeline is walked segment by segment rather than day by day.
 */
function projectRung(catalog: Catalog, rows: readonly ForecastRow[], today: string, rungIndex: number, perWeek: number): string | null {
  const horizon = addDaysIso(today, FORECAST_HORIZON_DAYS);
  const breaks = new Set<string>();
  for (const row of rows) {
    const expiresOn = toIsoDate(row.expiresOn);
    // The ladder counts a certification through its expiry date; it is lost the day after.
    if (row.status === "done" && expiresOn !== null && expiresOn >= today) {
      const lostOn = addDaysIso(expiresOn, 1);
      if (lostOn <= horizon) breaks.add(lostOn);
    }
  }
  const starts = [today, ...[...breaks].sort()];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as string;
    const end = starts[i + 1] ?? addDaysIso(horizon, 1);
    const open = countUnmet(catalog, rows, start, rungIndex);
    const candidate = addDaysIso(today, Math.ceil((open * 7) / perWeek));
    const day = laterOf(candidate, start);
    if (day < end) return day <= horizon ? day : null;
  }
  return null;
}

export function forecastPlan(input: ForecastInput): Forecast {
  const { catalog, items, targetDate } = input;
  const today = toIsoDate(input.today);
  if (today === null) throw new RangeError(`today must be an ISO date (YYYY-MM-DD), got ${input.today}`);

  const evaluation = input.evaluation ?? evaluateLadder(catalog, items, today);
  const nextIndex = evaluation.levels.findIndex((level) => !level.reached);
  const nextRungId = nextIndex === -1 ? null : (evaluation.levels[nextIndex]?.id ?? null);
  const goalRungId = input.targetRungId ?? (targetDate ? nextRungId : null);
  const goalIndex = goalRungId === null ? -1 : evaluation.levels.findIndex((level) => level.id === goalRungId);
  const targetReached = goalIndex !== -1 && evaluation.levels[goalIndex]?.reached === true;

  const result: Forecast = {
    basis: "pace",
    perWeek: null,
    windowDays: 0,
    metInWindow: null,
    nextRungId,
    nextRungOn: null,
    targetRungId: goalRungId,
    targetReached,
    targetRungOn: null,
    onTrack: targetReached ? true : null,
    weeksBehind: targetReached ? 0 : null,
  };
  if (nextRungId === null) return { ...result, basis: "top_reached" };

  const since = toIsoDate(input.historySince);
  const windowStart = since === null ? today : laterOf(since, addDaysIso(today, -PACE_WINDOW_DAYS));
  const windowDays = Math.max(0, daysBetween(windowStart, today));
  if (since === null || windowDays < MIN_HISTORY_DAYS) return { ...result, basis: "not_enough_history", windowDays };

  // Only "done" rows ever satisfy a requirement, so skipped items cannot add to the pace.
  // The window starts at the beginning of its first day: work done that day is inside it.
  const doneBefore = (day: string) => items.filter((row) => row.status === "done" && (doneOn(row) ?? today) < day);
  const metInWindow =
    countMet(catalog, doneBefore(addDaysIso(today, 1)), today) - countMet(catalog, doneBefore(windowStart), windowStart);
  const perWeek = Math.max(0, metInWindow) / (windowDays / 7);
  const measured = { ...result, windowDays, metInWindow, perWeek: Math.round(perWeek * 100) / 100 };
  if (perWeek <= 0) return { ...measured, basis: "no_recent_progress" };

  const nextRungOn = projectRung(catalog, items, today, nextIndex, perWeek);
  let targetRungOn: string | null = null;
  if (goalIndex !== -1 && !targetReached) {
    targetRungOn = goalIndex === nextIndex ? nextRungOn : projectRung(catalog, items, today, goalIndex, perWeek);
  }
  let onTrack = measured.onTrack;
  let weeksBehind = measured.weeksBehind;
  if (targetDate && goalIndex !== -1 && !targetReached) {
    onTrack = targetRungOn !== null && targetRungOn <= targetDate;
    weeksBehind = onTrack ? 0 : targetRungOn === null ? null : Math.ceil(daysBetween(targetDate, targetRungOn) / 7);
  }
  return { ...measured, nextRungOn, targetRungOn, onTrack, weeksBehind };
}

/**
 * About how many more items a person must finish to reach a rung: one per open requirement,
 * and for "all of" requirements one per open part. The plan line on /history ends there.
 * null for a rung not on the ladder.
 */
export function itemsToReach(catalog: Catalog, items: readonly ForecastRow[], today: string, rungId: string): number | null {
  const index = catalog.ladder.findIndex((level) => level.id === rungId);
  if (index === -1) return null;
  const satisfaction = createSatisfaction(catalog, items, today);
  const counted = new Set<string>();
  let needed = 0;
  for (const level of catalog.ladder.slice(0, index + 1)) {
    for (const requirement of level.requirements) {
      if (counted.has(requirement.id) || satisfaction.isRequirementMet(requirement)) continue;
      counted.add(requirement.id);
      needed += requirement.kind === "allOf" ? missingCandidateIds(catalog, requirement, satisfaction).length : 1;
    }
  }
  return needed;
}
