import {
  type Catalog,
  type CatalogItemRef,
  type Degree,
  type ItemStatus,
  indexCatalog,
  type Requirement,
  type Step,
} from "../catalog";
import { toIsoDate } from "./dates";

/** One row of a person's progress. Items never touched may be omitted (they are "todo"). */
export type ProgressRow = {
  readonly itemId: string;
  readonly status: ItemStatus;
  readonly completedOn?: string | null;
  readonly expiresOn?: string | null;
};

/**
 * Answers "is this satisfied?" for one catalog, one person's progress and one day.
 * Shared by evaluateLadder and the tests so there is one definition of "satisfied".
 */
export type Satisfaction = {
  readonly index: ReadonlyMap<string, CatalogItemRef>;
  /** Last row per known item id; rows for ids not in the catalog are dropped. */
  readonly rows: ReadonlyMap<string, ProgressRow>;
  isItemSatisfied(id: string): boolean;
  isCertificationValid(id: string): boolean;
  isRequirementMet(requirement: Requirement): boolean;
};

export function createSatisfaction(
  catalog: Catalog,
  progress: readonly ProgressRow[],
  today: string,
): Satisfaction {
  const index = indexCatalog(catalog);
  const rows = new Map<string, ProgressRow>();
  for (const row of progress) {
    // Unknown ids (a removed item, another person's certification) are ignored, never fatal.
    if (row && typeof row.itemId === "string" && index.has(row.itemId)) rows.set(row.itemId, row);
  }

  // Only "done" satisfies: todo, in_progress and skipped never do.
  const isDone = (id: string) => rows.get(id)?.status === "done";

  const isCertificationValid = (id: string) => {
    const row = rows.get(id);
    if (row?.status !== "done") return false;
    // A malformed expiry cannot come through the API (zod validates dates at the edge); if
    // one does, it is treated as "no expiry date" rather than crash the ladder.
    const expiresOn = toIsoDate(row.expiresOn);
    return expiresOn === null || expiresOn >= today;
  };

  const isStepSatisfied = (step: Step): boolean => {
    const by = step.satisfiedBy;
    if (!by?.isExclusive && isDone(step.id)) return true;
    if (!by) return false;
    if (by.kind === "education") {
      return catalog.education.some((e) => by.degrees.includes(e.degree) && isDone(e.id));
    }
    return catalog.certifications.some((c) => isCertificationValid(c.id));
  };

  const isItemSatisfied = (id: string): boolean => {
    const ref = index.get(id);
    if (!ref) return false;
    switch (ref.kind) {
      case "step":
        return isStepSatisfied(ref.item);
      case "certification":
        return isCertificationValid(id);
      case "education":
      case "skill":
        return isDone(id);
      default:
        // Levels, tracks and factors are not checkable; rules never name them.
        return false;
    }
  };

  const isRequirementMet = (requirement: Requirement): boolean => {
    switch (requirement.kind) {
      case "step":
        return isItemSatisfied(requirement.stepId);
      case "allOf":
        return requirement.itemIds.every(isItemSatisfied);
      case "anyOf":
        return requirement.itemIds.some(isItemSatisfied);
    }
  };

  return { index, rows, isItemSatisfied, isCertificationValid, isRequirementMet };
}

/** Item ids whose completion satisfies a step: the step itself (unless exclusive) and its category. */
export function stepCandidateIds(catalog: Catalog, step: Step): string[] {
  const by = step.satisfiedBy;
  const ids: string[] = by?.isExclusive ? [] : [step.id];
  if (by?.kind === "education") {
    const degrees: readonly Degree[] = by.degrees;
    for (const e of catalog.education) if (degrees.includes(e.degree)) ids.push(e.id);
  } else if (by?.kind === "certification") {
    for (const c of catalog.certifications) ids.push(c.id);
  }
  return ids;
}

function itemCandidateIds(
  catalog: Catalog,
  index: ReadonlyMap<string, CatalogItemRef>,
  id: string,
): string[] {
  const ref = index.get(id);
  return ref?.kind === "step" ? stepCandidateIds(catalog, ref.item) : [id];
}

/** Every item id that takes part in a requirement (alternatives included), without repeats. */
export function requirementCandidateIds(catalog: Catalog, requirement: Requirement): string[] {
  const index = indexCatalog(catalog);
  const ids =
    requirement.kind === "step"
      ? itemCandidateIds(catalog, index, requirement.stepId)
      : requirement.itemIds.flatMap((id) => itemCandidateIds(catalog, index, id));
  return [...new Set(ids)];
}

/**
 * The item ids that would still move an unmet requirement forward: for "allOf" only the parts
 * not yet satisfied, otherwise every alternative.
 */
export function missingCandidateIds(
  catalog: Catalog,
  requirement: Requirement,
  satisfaction: Satisfaction,
): string[] {
  if (requirement.kind !== "allOf") return requirementCandidateIds(catalog, requirement);
  const ids = requirement.itemIds
    .filter((id) => !satisfaction.isItemSatisfied(id))
    .flatMap((id) => itemCandidateIds(catalog, satisfaction.index, id));
  return [...new Set(ids)];
}
