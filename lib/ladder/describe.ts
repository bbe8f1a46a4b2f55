import {
  ASPIRING_TITLE,
  type Catalog,
  type Degree,
  getCatalogItem,
  type ItemKind,
  type Requirement,
  type RequirementKind,
  type Step,
} from "../catalog";
import { EXPIRY_WARNING_DAYS, type RungDTO, toRungDTO } from "./evaluate";
import { requirementCandidateIds } from "./requirements";

export type RequirementDescription = {
  id: string;
  title: string;
  kind: RequirementKind;
  /** One plain-language sentence generated from the rule data. */
  text: string;
  /** Items that take part, alternatives included. */
  items: { id: string; title: string; kind: ItemKind }[];
  /** Other rungs that use the same clause (it counts once in overall progress). */
  sharedWithLevelIds: string[];
};

export type RungDescription = RungDTO & {
  requires: { id: string; title: string } | null;
  text: string;
  requirements: RequirementDescription[];
};

export type RulesDescription = {
  /** What a person is called before the first rung. */
  startTitle: string;
  rungs: RungDescription[];
  /** Distinct requirements across the ladder: the denominator of overall progress. */
  totalRequirements: number;
  /** The general rules, in order, as sentences. */
  notes: string[];
};

const DEGREE_WORDS = { bachelor: "bachelor's", master: "master's", phd: "Ph.D." } as const satisfies Record<
  Degree,
  string
>;

function joinAlternatives(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function stepName(step: Step): string {
  return `step ${step.order}, "${step.title}"`;
}

function titlesOf(catalog: Catalog, ids: readonly string[]): string {
  return ids.map((id) => getCatalogItem(id, catalog)?.item.title ?? id).join("; ");
}

/** The condition under which a step counts, as a clause (no capital, no full stop). */
function stepCondition(catalog: Catalog, step: Step): string {
  const by = step.satisfiedBy;
  if (!by) return `${stepName(step)}, is marked done`;
  if (by.kind === "education") {
    const degrees = joinAlternatives(by.degrees.map((d) => DEGREE_WORDS[d]));
    const paths = catalog.education.filter((e) => by.degrees.includes(e.degree)).map((e) => e.id);
    const alternative = `any ${degrees} education path is marked done (${titlesOf(catalog, paths)})`;
    return by.isExclusive ? alternative : `${stepName(step)}, is marked done, or ${alternative}`;
  }
  const certs = catalog.certifications.map((c) => c.id);
  const alternative = `at least one certification is marked done and has not expired (${titlesOf(catalog, certs)}, or one you add yourself)`;
  return by.isExclusive
    ? `${alternative}; marking ${stepName(step)}, as done is not enough on its own`
    : `${stepName(step)}, is marked done, or ${alternative}`;
}

function itemCondition(catalog: Catalog, id: string): string {
  const ref = getCatalogItem(id, catalog);
  if (!ref) return `"${id}" is marked done`;
  if (ref.kind === "step") return stepCondition(catalog, ref.item);
  if (ref.kind === "certification") return `"${ref.item.title}" is marked done and has not expired`;
  return `"${ref.item.title}" is marked done`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function requirementText(catalog: Catalog, requirement: Requirement): string {
  switch (requirement.kind) {
    case "step":
      return `${capitalize(stepCondition(catalog, getStep(catalog, requirement.stepId)))}.`;
    case "allOf": {
      const parts = requirement.itemIds.map((id) => itemCondition(catalog, id));
      return parts.length === 1
        ? `${capitalize(parts[0] ?? "")}.`
        : `All ${parts.length} of these: ${parts.join("; ")}.`;
    }
    case "anyOf":
      return `At least one of these: ${requirement.itemIds
        .map((id) => itemCondition(catalog, id))
        .join("; or ")}.`;
  }
}

function getStep(catalog: Catalog, id: string): Step {
  const step = catalog.steps.find((s) => s.id === id);
  // The catalog unit test checks every reference; a broken one is a programming error.
  if (!step) throw new Error(`Ladder rule references unknown step "${id}"`);
  return step;
}

/**
 * Every rung's requirements in words, generated from the rule data that evaluateLadder reads,
 * so the "How your level is computed" page cannot drift from the evaluator.
 */
export function describeRules(catalog: Catalog): RulesDescription {
  const usedBy = new Map<string, string[]>();
  for (const level of catalog.ladder) {
    for (const r of level.requirements) usedBy.set(r.id, [...(usedBy.get(r.id) ?? []), level.id]);
  }

  const rungs = catalog.ladder.map((level): RungDescription => {
    const below = level.requires === null ? null : catalog.ladder.find((l) => l.id === level.requires);
    const count = level.requirements.length;
    const own = count === 1 ? "meet the requirement below" : `meet all ${count} requirements below`;
    return {
      ...toRungDTO(level),
      requires: below ? { id: below.id, title: below.title } : null,
      text: below
        ? `You reach ${level.title} when you have reached ${below.title} and ${own}.`
        : `You reach ${level.title} when you ${own}.`,
      requirements: level.requirements.map((requirement) => ({
        id: requirement.id,
        title: requirement.title,
        kind: requirement.kind,
        text: requirementText(catalog, requirement),
        items: requirementCandidateIds(catalog, requirement).flatMap((id) => {
          const ref = getCatalogItem(id, catalog);
          return ref ? [{ id, title: ref.item.title, kind: ref.kind }] : [];
        }),
        sharedWithLevelIds: (usedBy.get(requirement.id) ?? []).filter((id) => id !== level.id),
      })),
    };
  });

  const totalRequirements = usedBy.size;
  const first = catalog.ladder[0];
  const top = catalog.ladder[catalog.ladder.length - 1];
  const notes = [
    first ? `Until you reach ${first.title} you are ${ASPIRING_TITLE}.` : `You are ${ASPIRING_TITLE}.`,
    "The ladder is cumulative: a rung counts only when every rung below it is reached.",
    'Only items marked done count. "To do", "in progress" and "skipped" never satisfy a requirement, so skipping an item can never raise your level or a percentage.',
    `A certification counts while it is marked done and its expiry date is today or later; one without an expiry date always counts. You are warned ${EXPIRY_WARNING_DAYS} days before it expires.`,
    `Progress to the next rung is the share of that rung's own requirements you meet. Overall progress is the share of all ${totalRequirements} requirements${top ? ` up to ${top.title}` : ""} you meet, each counted once, even on rungs you have not reached yet. Both round down, so 100 % means complete.`,
    "Requirements count, not items: education paths and certifications are alternatives, so nobody needs all of them.",
  ];

  return { startTitle: ASPIRING_TITLE, rungs, totalRequirements, notes };
}
