import { ASPIRING_TITLE, type Catalog, type LadderLevel } from "../catalog";
import { daysBetween, toIsoDate } from "./dates";
import {
  createSatisfaction,
  missingCandidateIds,
  type ProgressRow,
  requirementCandidateIds,
} from "./requirements";

/** A done certification expiring within this many days (today included) is reported. */
export const EXPIRY_WARNING_DAYS = 90;

export type RungDTO = {
  id: string;
  title: string;
  shortTitle: string;
  salaryMin: number;
  salaryMax: number;
};

export type RequirementStatus = {
  id: string;
  title: string;
  met: boolean;
  /** Every item that takes part in the requirement, alternatives included. */
  itemIds: string[];
};

export type LevelStatus = RungDTO & {
  reached: boolean;
  requirements: RequirementStatus[];
};

export type MissingRequirement = {
  requirementId: string;
  title: string;
  /** Items that would satisfy it: all alternatives, or for "all of" the parts still open. */
  itemIds: string[];
};

export type ExpiringCertification = { itemId: string; expiresOn: string; daysLeft: number };

export type LadderEvaluation = {
  /** Highest rung reached; null while the person is "Aspiring MLE". */
  current: RungDTO | null;
  /** The rung above `current`; null at the top. */
  next: RungDTO | null;
  /** Unmet requirements of `next` only. */
  missing: MissingRequirement[];
  /** 0..100, rounded down; 100 when there is no next rung. */
  percentToNext: number;
  /** 0..100, rounded down: distinct requirements met across all rungs, reached or not. */
  overallPercent: number;
  levels: LevelStatus[];
  /** Done certifications whose expiry date has passed (they no longer count). */
  expiredCertifications: string[];
  /** Done certifications expiring within EXPIRY_WARNING_DAYS, soonest first. */
  expiringSoon: ExpiringCertification[];
  explanation: string;
};

/** The fields of a rung every API answer and page shows. */
export function toRungDTO(level: LadderLevel): RungDTO {
  return {
    id: level.id,
    title: level.title,
    shortTitle: level.shortTitle,
    salaryMin: level.salaryMin,
    salaryMax: level.salaryMax,
  };
}

function percent(met: number, total: number): number {
  return total === 0 ? 100 : Math.floor((met * 100) / total);
}

/**
 * Where a person stands on the ladder. Pure: `today` ("YYYY-MM-DD") is passed in, so the result
 * depends only on the arguments. Pass `withCustomCertifications(CATALOG, certs)` so a person's
 * own certifications count.
 */
export function evaluateLadder(
  catalog: Catalog,
  progress: readonly ProgressRow[],
  today: string,
): LadderEvaluation {
  const day = toIsoDate(today);
  if (day === null) throw new RangeError(`today must be an ISO date (YYYY-MM-DD), got ${today}`);

  const satisfaction = createSatisfaction(catalog, progress, day);

  // Rungs are cumulative: a rung is reached only when the rung it requires is reached.
  const reachedById = new Map<string, boolean>();
  const levels: LevelStatus[] = catalog.ladder.map((level) => {
    const requirements = level.requirements.map((requirement) => ({
      id: requirement.id,
      title: requirement.title,
      met: satisfaction.isRequirementMet(requirement),
      itemIds: requirementCandidateIds(catalog, requirement),
    }));
    const isBelowReached = level.requires === null || reachedById.get(level.requires) === true;
    const reached = isBelowReached && requirements.every((r) => r.met);
    reachedById.set(level.id, reached);
    return { ...toRungDTO(level), reached, requirements };
  });

  // The rung above the last one reached in an unbroken run from the bottom.
  const nextIndex = levels.findIndex((level) => !level.reached);
  const currentIndex = nextIndex === -1 ? catalog.ladder.length - 1 : nextIndex - 1;
  const currentLevel = currentIndex >= 0 ? catalog.ladder[currentIndex] : undefined;
  const nextLevel = nextIndex >= 0 ? catalog.ladder[nextIndex] : undefined;

  const missing: MissingRequirement[] = nextLevel
    ? nextLevel.requirements
        .filter((requirement) => !satisfaction.isRequirementMet(requirement))
        .map((requirement) => ({
          requirementId: requirement.id,
          title: requirement.title,
          itemIds: missingCandidateIds(catalog, requirement, satisfaction),
        }))
    : [];

  const percentToNext = nextLevel
    ? percent(nextLevel.requirements.length - missing.length, nextLevel.requirements.length)
    : 100;

  // A clause shared by several rungs (same id) counts once.
  const distinct = new Map<string, boolean>();
  for (const level of levels) {
    for (const requirement of level.requirements) distinct.set(requirement.id, requirement.met);
  }
  const metCount = [...distinct.values()].filter(Boolean).length;
  const overallPercent = percent(metCount, distinct.size);

  const expiredCertifications: string[] = [];
  const expiringSoon: ExpiringCertification[] = [];
  for (const cert of catalog.certifications) {
    const row = satisfaction.rows.get(cert.id);
    if (row?.status !== "done") continue;
    const expiresOn = toIsoDate(row.expiresOn);
    if (expiresOn === null) continue;
    const daysLeft = daysBetween(day, expiresOn);
    if (daysLeft < 0) expiredCertifications.push(cert.id);
    else if (daysLeft <= EXPIRY_WARNING_DAYS) expiringSoon.push({ itemId: cert.id, expiresOn, daysLeft });
  }
  expiringSoon.sort((a, b) => a.daysLeft - b.daysLeft);

  const current = currentLevel ? toRungDTO(currentLevel) : null;
  const next = nextLevel ? toRungDTO(nextLevel) : null;

  return {
    current,
    next,
    missing,
    percentToNext,
    overallPercent,
    levels,
    expiredCertifications,
    expiringSoon,
    explanation: explain(catalog, current, next, missing, expiredCertifications),
  };
}

function explain(
  catalog: Catalog,
  current: RungDTO | null,
  next: RungDTO | null,
  missing: readonly MissingRequirement[],
  expiredCertifications: readonly string[],
): string {
  const sentences: string[] = [];
  if (next === null && current !== null) {
    sentences.push(`You have reached ${current.title}, the top of the ladder.`);
  } else if (next !== null) {
    sentences.push(
      `You are ${current?.title ?? ASPIRING_TITLE}. For ${next.title} you still need: ${missing
        .map((m) => m.title)
        .join("; ")}.`,
    );
  }
  if (expiredCertifications.length > 0) {
    const titles = expiredCertifications.map(
      (id) => catalog.certifications.find((c) => c.id === id)?.title ?? id,
    );
    sentences.push(
      `${titles.length === 1 ? "This certification has" : "These certifications have"} expired and no longer count${titles.length === 1 ? "s" : ""}: ${titles.join("; ")}.`,
    );
  }
  return sentences.join(" ");
}
