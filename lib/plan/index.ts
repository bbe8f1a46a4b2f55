import "server-only";
import { CATALOG, getCatalogItem } from "@/lib/catalog";
import { todayUtc } from "@/lib/clock";
import { getDb, readRows, type SqlQuery, sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateLadder } from "@/lib/ladder";
import { type Forecast, forecastPlan, itemsToReach } from "@/lib/ladder/forecast";
import { loadUserProgress, loadUserProgressWith, type StoredProgressRow, type UserProgress, userProgressFrom, userProgressQuery } from "@/lib/progress";
import { earliestTargetDate } from "@/lib/progress/schemas";
import type { ProgressItem } from "@/lib/progress/types";
import { datedItems } from "./dated-items";
import type { PlanUpdate } from "./schemas";
import type { DatedItem, Plan, PlanView } from "./types";

export type { DatedItem, Plan, PlanView } from "./types";

const NO_PLAN: Plan = { targetRungId: null, targetDate: null };

/**
 * The person's plan row (no row: no goal, no date) and when their first change was recorded,
 * as one row in the columns of the progress read (source "plan"; a, b, c: targetRungId,
 * targetDate, revision; at: the first change). On its own it is one query on lib/db's fast
 * read path; GET /api/plan reads it in the progress read's statement (loadUserProgressWith).
 */
function planRowQuery(userId: string): SqlQuery {
  return sql`
    SELECT 'plan' AS "source", '' AS "id", pl."targetRungId" AS "a", pl."targetDate" AS "b", CAST(pl."revision" AS TEXT) AS "c",
      NULL AS "d", NULL AS "e", NULL AS "f", (SELECT MIN(e."createdAt") FROM "ProgressEvent" e WHERE e."userId" = ${userId}) AS "at", NULL AS "version"
    FROM (SELECT 1 AS "one") AS "single" LEFT JOIN "Plan" pl ON pl."userId" = ${userId}`;
}

type StoredPlan = Plan & { revision: number; firstChangeOn: string | null };

function toStoredPlan(rows: readonly StoredProgressRow[]): StoredPlan {
  const row = rows.find((candidate) => candidate.source === "plan");
  return {
    targetRungId: row?.a ?? NO_PLAN.targetRungId,
    targetDate: row?.b ?? NO_PLAN.targetDate,
    revision: Number(row?.c ?? 0),
    firstChangeOn: row?.at == null ? null : new Date(row.at).toISOString().slice(0, 10),
  };
}

async function readPlanRow(userId: string): Promise<StoredPlan> {
  return toStoredPlan(await readRows<StoredProgressRow>(planRowQuery(userId)));
}

/** The stored plan of one person (no row: no goal, no date). One query. */
export async function loadPlan(userId: string): Promise<Plan & { revision: number }> {
  const { targetRungId, targetDate, revision } = await readPlanRow(userId);
  return { targetRungId, targetDate, revision };
}

/** The first day of a person's recorded history: their first change or earliest completion. */
function historySince(firstChangeOn: string | null, items: readonly ProgressItem[]): string | null {
  const dates = items.flatMap((item) => (item.status === "done" && item.completedOn ? [item.completedOn] : []));
  if (firstChangeOn) dates.push(firstChangeOn);
  return dates.length > 0 ? (dates.sort()[0] ?? null) : null;
}

/** A person's goal and its forecast from progress already loaded (a mentor's table row). One query. */
export async function forecastGoal(userId: string, progress: Pick<UserProgress, "catalog" | "items">, today: string): Promise<{ plan: Plan; forecast: Forecast }> {
  const { targetRungId, targetDate, firstChangeOn } = await readPlanRow(userId);
  const since = historySince(firstChangeOn, progress.items);
  const forecast = forecastPlan({ catalog: progress.catalog, items: progress.items, historySince: since, targetRungId, targetDate, today });
  return { plan: { targetRungId, targetDate }, forecast };
}

/** GET /api/plan: the goal, the forecast from the person's own pace, and dated items. One query. */
export async function getPlan(userId: string, now: Date = new Date()): Promise<PlanView> {
  return toPlanView(await loadUserProgressWith(userId, planRowQuery(userId)), now);
}

/**
 * The statement of getPlan (the progress read with the plan row), for a route handler that
 * reads it with the session check (lib/auth/session.ts requireUserReading).
 */
export function planViewQuery(userId: string): SqlQuery {
  return userProgressQuery(userId, planRowQuery(userId));
}

/** getPlan from the rows of planViewQuery, read already. */
export function planViewFrom(read: readonly StoredProgressRow[], now: Date = new Date()): PlanView {
  return toPlanView(userProgressFrom(read), now);
}

function toPlanView({ catalog, items, others }: UserProgress & { others: StoredProgressRow[] }, now: Date): PlanView {
  const today = todayUtc(now);
  const plan = toStoredPlan(others);
  const since = historySince(plan.firstChangeOn, items);
  const evaluation = evaluateLadder(catalog, items, today);
  const forecast = forecastPlan({
    catalog,
    items,
    historySince: since,
    targetRungId: plan.targetRungId,
    targetDate: plan.targetDate,
    today,
    evaluation,
  });
  const { overdue, upcoming } = datedItems(items, today);
  const titled = (item: DatedItem) => ({ ...item, title: getCatalogItem(item.itemId, catalog)?.item.title ?? item.itemId });
  const rungs = evaluation.levels.map(({ id, title, shortTitle, reached }) => ({ id, title, shortTitle, reached }));
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
