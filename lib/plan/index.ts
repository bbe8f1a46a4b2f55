import "server-only";
import { CATALOG, getCatalogItem } from "@/lib/catalog";
import { todayUtc } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateLadder } from "@/lib/ladder";
import { forecastPlan, itemsToReach } from "@/lib/ladder/forecast";
import { loadUserProgress } from "@/lib/progress";
import { earliestTargetDate } from "@/lib/progress/schemas";
import type { ProgressItem } from "@/lib/progress/types";
import { datedItems } from "./dated-items";
import type { PlanUpdate } from "./schemas";
import type { DatedItem, Plan, PlanView } from "./types";

export type { DatedItem, Plan, PlanView } from "./types";

const NO_PLAN: Plan = { targetRungId: null, targetDate: null };

/** The stored plan of one person (no row: no goal, no date). One query. */
export async function loadPlan(userId: string): Promise<Plan & { revision: number }> {
  const row = await getDb().plan.findUnique({ where: { userId }, select: { targetRungId: true, targetDate: true, revision: true } });
  return row ?? { ...NO_PLAN, revision: 0 };
}

/** The first day of a person's recorded history: their first change or earliest completion. */
async function historySince(userId: string, items: readonly ProgressItem[]): Promise<string | null> {
  const first = await getDb().progressEvent.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  const dates = items.flatMap((item) => (item.status === "done" && item.completedOn ? [item.completedOn] : []));
  if (first) dates.push(first.createdAt.toISOString().slice(0, 10));
  return dates.length > 0 ? (dates.sort()[0] ?? null) : null;
}

/** GET /api/plan: the goal, the forecast from the person's own pace, and dated items. Four queries. */
export async function getPlan(userId: string, now: Date = new Date()): Promise<PlanView> {
  const today = todayUtc(now);
  const [{ catalog, items }, plan] = await Promise.all([loadUserProgress(userId), loadPlan(userId)]);
  const since = await historySince(userId, items);
  const forecast = forecastPlan({
    catalog,
    items,
    historySince: since,
    targetRungId: plan.targetRungId,
    targetDate: plan.targetDate,
    today,
  });
  const { overdue, upcoming } = datedItems(items, today);
  const titled = (item: DatedItem) => ({ ...item, title: getCatalogItem(item.itemId, catalog)?.item.title ?? item.itemId });
  const rungs = evaluateLadder(catalog, items, today).levels.map(({ id, title, shortTitle, reached }) => ({ id, title, shortTitle, reached }));
  return {
    targetRungId: plan.targetRungId,
    targetDate: plan.targetDate,
    forecast,
    overdue: overdue.map(titled),
    upcoming: upcoming.map(titled),
    rungs,
  };
}

/**
 * Sets the goal rung and date (omitted keeps, null clears); `update` is parsed by the caller
 * with planUpdateSchema. A rung not on the ladder or already reached, or a date in the past,
 * is refused and nothing is stored.
 */
export async function setPlan(userId: string, update: PlanUpdate, now: Date = new Date()): Promise<Plan> {
  const stored = await loadPlan(userId);
  const next: Plan = {
    targetRungId: update.targetRungId === undefined ? stored.targetRungId : update.targetRungId,
    targetDate: update.targetDate === undefined ? stored.targetDate : update.targetDate,
  };

  if (update.targetRungId) {
    if (!CATALOG.ladder.some((level) => level.id === update.targetRungId)) {
      throw new AppError("invalid_input", "targetRungId: there is no such rung on the ladder.", { field: "targetRungId" });
    }
    const { catalog, items } = await loadUserProgress(userId);
    const levels = evaluateLadder(catalog, items, todayUtc(now)).levels;
    if (levels.find((level) => level.id === update.targetRungId)?.reached) {
      throw new AppError("invalid_input", "targetRungId: you have already reached this rung; pick one above it.", { field: "targetRungId" });
    }
  }
  // As for items: a stored date that has since passed may be kept, a new one may not be past.
  if (update.targetDate && update.targetDate !== stored.targetDate && update.targetDate < earliestTargetDate(now)) {
    throw new AppError("invalid_input", "targetDate: cannot be in the past.", { field: "targetDate" });
  }

  if (next.targetRungId === stored.targetRungId && next.targetDate === stored.targetDate) return next;
  await getDb().plan.upsert({
    where: { userId },
    create: { userId, ...next, revision: 1 },
    update: { ...next, revision: { increment: 1 } },
  });
  return next;
}

export type PlanLine = { targetDate: string; rungTitle: string; itemsNeeded: number };

/**
 * Where the plan line of /history ends: the goal's date and about how many more items its
 * rung needs. null without a target date or when the goal is already reached.
 */
export async function getPlanLine(userId: string, now: Date = new Date()): Promise<PlanLine | null> {
  const plan = await loadPlan(userId);
  if (!plan.targetDate) return null;
  const today = todayUtc(now);
  const { catalog, items } = await loadUserProgress(userId);
  const evaluation = evaluateLadder(catalog, items, today);
  const rungId = plan.targetRungId ?? evaluation.next?.id ?? null;
  const rung = evaluation.levels.find((level) => level.id === rungId);
  if (!rung || rung.reached) return null;
  const itemsNeeded = itemsToReach(catalog, items, today, rung.id) ?? 0;
  return { targetDate: plan.targetDate, rungTitle: rung.title, itemsNeeded };
}
