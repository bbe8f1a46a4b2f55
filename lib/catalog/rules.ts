import type { CertificationId } from "./certifications";
import type { EducationId } from "./education";
import type { LevelId } from "./ladder";
import type { Requirement, RungRule } from "./schema";
import type { SkillId } from "./skills";
import type { StepId } from "./steps";

/*
 * The ladder rules of DESIGN.md ("Ladder rules") as data. lib/ladder evaluates them and
 * describeRules() renders them as text, so the explanation page and the evaluator read the
 * same clauses.
 *
 * One requirement per rule clause: percentages count clauses, not items (education paths and
 * certifications are alternatives; nobody needs all of them). A clause used by two rungs must
 * be the same object (same id) so overallPercent counts it once.
 */

/** What a person is called before the first rung is reached (DESIGN.md; not in the article). */
export const ASPIRING_TITLE = "Aspiring MLE";

type RequirementItemId = StepId | SkillId | EducationId | CertificationId;

/** Narrower than the schema's Requirement: the compiler checks every referenced id. */
type RuleRequirement = Pick<Requirement, "id" | "title"> &
  (
    | { kind: "step"; stepId: StepId }
    | { kind: "allOf"; itemIds: readonly RequirementItemId[] }
    | { kind: "anyOf"; itemIds: readonly RequirementItemId[] }
  );

export const REQUIREMENTS = {
  "req-bachelors-degree": {
    id: "req-bachelors-degree",
    title: "Earn a Bachelor's Degree (or a bachelor's education path)",
    kind: "step",
    stepId: "earn-bachelors-degree",
  },
  "req-practical-experience": {
    id: "req-practical-experience",
    title: "Gain Practical Experience",
    kind: "step",
    stepId: "gain-practical-experience",
  },
  "req-valid-certification": {
    id: "req-valid-certification",
    title: "Hold a valid certification (done and not expired)",
    kind: "step",
    stepId: "pursue-advanced-certifications",
  },
  "req-essential-skills": {
    id: "req-essential-skills",
    title: "Master all 4 essential skills",
    kind: "allOf",
    itemIds: [
      "programming-languages",
      "machine-learning-algorithms",
      "data-modeling-and-evaluation",
      "software-engineering-skills",
    ],
  },
  "req-build-a-network": {
    id: "req-build-a-network",
    title: "Build a Network",
    kind: "step",
    stepId: "build-a-network",
  },
  "req-advanced-degree-or-specialization": {
    id: "req-advanced-degree-or-specialization",
    title: "Seek an Advanced Degree or Specialize in a Domain or Industry",
    kind: "anyOf",
    itemIds: ["seek-advanced-degree", "specialize-in-a-domain"],
  },
  "req-strategic-role": {
    id: "req-strategic-role",
    title: "Transition to Strategic Roles",
    kind: "step",
    stepId: "transition-to-strategic-roles",
  },
  "req-mentoring": {
    id: "req-mentoring",
    title: "Seek Mentoring",
    kind: "step",
    stepId: "seek-mentoring",
  },
  "req-advanced-degree": {
    id: "req-advanced-degree",
    title: "Seek an Advanced Degree (or a master's or Ph.D. education path)",
    kind: "step",
    stepId: "seek-advanced-degree",
  },
  "req-specialization": {
    id: "req-specialization",
    title: "Specialize in a Domain or Industry",
    kind: "step",
    stepId: "specialize-in-a-domain",
  },
} as const satisfies Record<string, RuleRequirement>;

export type RequirementId = keyof typeof REQUIREMENTS;

const R = REQUIREMENTS;

/** Each rung: the previous rung plus its own clauses (cumulative ladder). */
export const LADDER_RULES = {
  "junior-mle": {
    requires: null,
    requirements: [R["req-bachelors-degree"], R["req-practical-experience"]],
  },
  mle: {
    requires: "junior-mle",
    requirements: [R["req-valid-certification"], R["req-essential-skills"]],
  },
  "senior-mle": {
    requires: "mle",
    requirements: [R["req-build-a-network"], R["req-advanced-degree-or-specialization"]],
  },
  "ml-team-lead": {
    requires: "senior-mle",
    requirements: [R["req-strategic-role"]],
  },
  "director-of-ml": {
    requires: "ml-team-lead",
    requirements: [R["req-mentoring"], R["req-advanced-degree"], R["req-specialization"]],
  },
} as const satisfies Record<LevelId, RungRule & { requires: LevelId | null }>;
