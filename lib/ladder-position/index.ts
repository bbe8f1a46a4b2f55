import "server-only";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import { evaluateLadder, type LadderEvaluation } from "@/lib/ladder";
import { loadUserProgress } from "@/lib/progress";
import type { CustomCertification } from "@/lib/progress/types";

/**
 * Where this person stands on the ladder on `today` ("YYYY-MM-DD", from the server clock:
 * see lib/clock.ts). Their own certifications count like the listed ones. Two queries.
 */
export async function getLadderPosition(userId: string, today: string): Promise<LadderEvaluation> {
  const { items, customCertifications } = await loadUserProgress(userId);
  return evaluateLadder(withCustomCertifications(CATALOG, customCertifications), items, today);
}

/** The position and the person's own certifications (to name them), for the ladder page. Two queries. */
export async function getLadderOverview(
  userId: string,
  today: string,
): Promise<{ position: LadderEvaluation; customCertifications: CustomCertification[] }> {
  const { items, customCertifications } = await loadUserProgress(userId);
  return { position: evaluateLadder(withCustomCertifications(CATALOG, customCertifications), items, today), customCertifications };
}
