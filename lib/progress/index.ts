import "server-only";
import { CATALOG, type Catalog, withCustomCertifications } from "@/lib/catalog";
import type { CustomCertification } from "@/lib/certifications/types";
import { evaluateLadder, type LadderEvaluation } from "@/lib/ladder";
import { checklistItemIds, summarizeProgress } from "./checklist";
import type { SqlQuery } from "@/lib/db";
import { loadProgressRows, type ProgressRows, progressRowsFrom, type StoredProgressRow, storedProgressQuery } from "./rows";
import type { DashboardData, LadderOverview, ProgressItem, ProgressList } from "./types";

export type { StoredProgressRow } from "./rows";

export { setItemProgress, setItemsStatus } from "./set-item-progress";
export { setTrack } from "./set-track";

/** One person's progress: the catalog with their own certifications, their rows, those certifications. */
export type UserProgress = { catalog: Catalog; items: ProgressItem[]; customCertifications: CustomCertification[] };

/**
 * The one loader of a person's progress, for every page and API that shows it. Exactly one
 * query, whatever the number of items. Rows for items that are no longer on this person's
 * checklist (say, a removed catalog item) are left out.
 */
export async function loadUserProgress(userId: string): Promise<UserProgress> {
  const { others: _, ...progress } = await loadUserProgressWith(userId);
  return progress;
}

/**
 * loadUserProgress and another domain's rows of the same person in the same one statement
 * (`also`: see loadProgressRows), for a request that needs both (GET /api/plan).
 */
export async function loadUserProgressWith(userId: string, also?: SqlQuery): Promise<UserProgress & { others: StoredProgressRow[] }> {
  return toUserProgress(await loadProgressRows(userId, also));
}

function toUserProgress({ items, customCertifications, others }: ProgressRows): UserProgress & { others: StoredProgressRow[] } {
  const catalog = withCustomCertifications(CATALOG, customCertifications);
  const known = new Set(checklistItemIds(catalog));
  return { catalog, items: items.filter((item) => known.has(item.itemId)), customCertifications, others };
}

/**
 * The statement of loadUserProgress, for a route handler that reads it with the session check
 * (lib/auth/session.ts requireUserReading); userProgressFrom makes the same result of its rows.
 */
export function userProgressQuery(userId: string, also?: SqlQuery): SqlQuery {
  return storedProgressQuery(userId, also);
}

/** loadUserProgressWith from the rows of userProgressQuery, read already. */
export function userProgressFrom(read: readonly StoredProgressRow[]): UserProgress & { others: StoredProgressRow[] } {
  return toUserProgress(progressRowsFrom(read));
}

function toProgressList({ catalog, items }: UserProgress): ProgressList {
  return { items, summary: summarizeProgress(catalog, items) };
}

/** GET /api/progress: the stored rows (untouched items are "todo" and omitted) and counts. */
export async function getProgress(userId: string): Promise<ProgressList> {
  return toProgressList(await loadUserProgress(userId));
}

/** getProgress from the rows of userProgressQuery, read already. */
export function progressListFrom(read: readonly StoredProgressRow[]): ProgressList {
  return toProgressList(userProgressFrom(read));
}

/**
 * Where this person stands on the ladder on `today` ("YYYY-MM-DD", from the server clock:
 * see lib/clock.ts). Their own certifications count like the listed ones. One query.
 */
export async function getLadderPosition(userId: string, today: string): Promise<LadderEvaluation> {
  return (await getLadderOverview(userId, today)).position;
}

/** The position and the person's own certifications (to name them), for the ladder page. One query. */
export async function getLadderOverview(userId: string, today: string): Promise<LadderOverview> {
  const { catalog, items } = await loadUserProgress(userId);
  return { position: evaluateLadder(catalog, items, today), catalog };
}

/** getLadderPosition from the rows of userProgressQuery, read already. */
export function ladderPositionFrom(read: readonly StoredProgressRow[], today: string): LadderEvaluation {
  const { catalog, items } = userProgressFrom(read);
  return evaluateLadder(catalog, items, today);
}

/**
 * All the dashboard's server render needs, in exactly one query (progress rows and the
 * person's own certifications) whatever the number of items; the track comes with the
 * session user. With the session lookup the page makes two queries in total
 * (tests/integration/dashboard-queries.test.ts counts them).
 */
export async function getDashboardData(userId: string, today: string, trackId: string | null): Promise<DashboardData> {
  const { items, customCertifications } = await loadUserProgress(userId);
  return { today, trackId, items, customCertifications };
}
