import type { Catalog } from "../catalog";
import { type ProgressRow, createSatisfaction } from "./requirements";

/**
 * How one checklist item stands by the ladder's rules, for the dashboard to show without
 * contradicting them. Computed with the evaluator's own definition of "satisfied".
 */
export type ItemStanding = {
  /** The ladder counts it as done. */
  readonly isMet: boolean;
  /** Met through other items (an education path, a certification): their titles. Empty when met by its own status. */
  readonly metBy: readonly string[];
  /** A step marked done that the ladder does not count; says why, in a full sentence. (An expired certification's own notice says it.) */
  readonly notCountedBecause: string | null;
};

export function itemStandings(catalog: Catalog, progress: readonly ProgressRow[], today: string): Map<string, ItemStanding> {
  const satisfaction = createSatisfaction(catalog, progress, today);
  const isDone = (id: string) => satisfaction.rows.get(id)?.status === "done";
  const standings = new Map<string, ItemStanding>();

  for (const step of catalog.steps) {
    const by = step.satisfiedBy;
    const isMet = satisfaction.isItemSatisfied(step.id);
    const ownCounts = isDone(step.id) && !by?.isExclusive;
    let metBy: string[] = [];
    if (isMet && !ownCounts && by) {
      metBy =
        by.kind === "education"
          ? catalog.education.filter((e) => by.degrees.includes(e.degree) && isDone(e.id)).map((e) => e.title)
          : catalog.certifications.filter((c) => satisfaction.isCertificationValid(c.id)).map((c) => c.title);
    }
    const notCountedBecause =
      isDone(step.id) && !isMet
        ? "You marked this done, but it will not count until you have a certification that is done and has not expired."
        : null;
    standings.set(step.id, { isMet, metBy, notCountedBecause });
  }
  for (const cert of catalog.certifications) {
    standings.set(cert.id, { isMet: satisfaction.isCertificationValid(cert.id), metBy: [], notCountedBecause: null });
  }
  for (const item of [...catalog.education, ...catalog.skills]) {
    standings.set(item.id, { isMet: isDone(item.id), metBy: [], notCountedBecause: null });
  }
  return standings;
}
