import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import { evaluateLadder } from "@/lib/ladder";
import { loadUserProgress } from "@/lib/progress";
import { summarizeProgress } from "@/lib/progress/checklist";
import type { DashboardData } from "./types";

export type { DashboardData } from "./types";

/**
 * All the dashboard's server render needs, in exactly two queries (progress rows and the
 * person's own certifications) whatever the number of items; the track comes with the
 * session user. With the session lookup the page makes three queries in total
 * (tests/integration/dashboard-queries.test.ts counts them).
 */
export async function getDashboardData(user: SessionUser, today: string): Promise<DashboardData> {
  const { items, customCertifications } = await loadUserProgress(user.id);
  const catalog = withCustomCertifications(CATALOG, customCertifications);
  return {
    today,
    trackId: user.trackId,
    progress: { items, summary: summarizeProgress(catalog, items) },
    customCertifications,
    ladder: evaluateLadder(catalog, items, today),
  };
}
