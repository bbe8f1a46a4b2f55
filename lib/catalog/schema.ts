import { z } from "zod";
import { DEGREES, ITEM_STATUSES } from "./kinds";

/*
 * Zod schemas for the career content. The data files declare their arrays
 * `as const satisfies readonly X[]`, so every nested array type here is readonly:
 * a readonly tuple produced by `as const` is not assignable to a mutable array.
 */

/** Built-in ids are kebab-case slugs; progress rows reference items by id alone. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case slug");

/** Certifications a person adds get server-generated ids, so they are not held to the slug form. */
export const certificationIdSchema = z.string().trim().min(1).max(128);

/** ISO calendar date, "YYYY-MM-DD". */
export const isoDateSchema = z.iso.date();

export const degreeSchema = z.enum(DEGREES);

export const itemStatusSchema = z.enum(ITEM_STATUSES);

/**
 * A category of items that satisfies a step in addition to the step's own checkbox.
 * Categories, not id lists, so a certification a person adds counts automatically.
 * `isExclusive`: only the category satisfies the step; marking the step itself done does not.
 */
export const satisfiedBySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("education"),
    degrees: z.array(degreeSchema).min(1).readonly(),
    isExclusive: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal("certification"),
    isExclusive: z.boolean().optional(),
  }),
]);
export type SatisfiedBy = z.infer<typeof satisfiedBySchema>;

export const stepSchema = z.strictObject({
  id: slugSchema,
  order: z.number().int().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
  satisfiedBy: satisfiedBySchema.optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const certificationSchema = z.strictObject({
  id: certificationIdSchema,
  title: z.string().trim().min(1).max(200),
  issuer: z.string().trim().min(1).max(200),
  /** true for a certification a person added themselves (not in the article). */
  custom: z.boolean(),
});
export type Certification = z.infer<typeof certificationSchema>;

export const educationSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(1),
  degree: degreeSchema,
  field: z.string().min(1),
  /** The article's line title this path comes from. */
  group: z.string().min(1),
  summary: z.string().min(1),
});
export type Education = z.infer<typeof educationSchema>;

export const skillSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
});
export type Skill = z.infer<typeof skillSchema>;

export const trackSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
});
export type Track = z.infer<typeof trackSchema>;

export const factorSchema = z.strictObject({
  id: slugSchema,
  order: z.number().int().min(1),
  title: z.string().min(1),
  score: z.number().int().min(0).max(10),
  summary: z.string().min(1),
});
export type Factor = z.infer<typeof factorSchema>;

/*
 * One requirement = one clause of a ladder rule. Percentages count clauses, not items.
 * - "step":  the step is satisfied (see SatisfiedBy).
 * - "allOf": every listed item is satisfied (e.g. the four essential skills).
 * - "anyOf": at least one listed item is satisfied (e.g. advanced degree OR specialization).
 * Items in allOf/anyOf may be steps (evaluated like "step") or checkable items.
 * A clause shared by two rungs uses the same id and is counted once overall.
 */
const requirementBase = {
  id: slugSchema,
  /** Plain language, shown to the person ("Hold a valid certification"). */
  title: z.string().min(1),
};
export const requirementSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...requirementBase, kind: z.literal("step"), stepId: slugSchema }),
  z.strictObject({
    ...requirementBase,
    kind: z.literal("allOf"),
    itemIds: z.array(slugSchema).min(1).readonly(),
  }),
  z.strictObject({
    ...requirementBase,
    kind: z.literal("anyOf"),
    itemIds: z.array(slugSchema).min(2).readonly(),
  }),
]);
export type Requirement = z.infer<typeof requirementSchema>;
export type RequirementKind = Requirement["kind"];

/** Article content for a rung, without the rules. */
export const ladderLevelContentSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  salaryMin: z.number().int().positive(),
  salaryMax: z.number().int().positive(),
  summary: z.string().min(1),
});
export type LadderLevelContent = z.infer<typeof ladderLevelContentSchema>;

export const rungRuleSchema = z.strictObject({
  /** The rung that must be reached first (the previous one); null for the first rung. */
  requires: slugSchema.nullable(),
  requirements: z.array(requirementSchema).min(1).readonly(),
});
export type RungRule = z.infer<typeof rungRuleSchema>;

export const ladderLevelSchema = z
  .strictObject({ ...ladderLevelContentSchema.shape, ...rungRuleSchema.shape })
  .refine((level) => level.salaryMin <= level.salaryMax, {
    message: "salaryMin must not exceed salaryMax",
  });
export type LadderLevel = z.infer<typeof ladderLevelSchema>;

export const catalogSchema = z.strictObject({
  version: z.string().min(1),
  ladder: z.array(ladderLevelSchema).min(1).readonly(),
  steps: z.array(stepSchema).readonly(),
  certifications: z.array(certificationSchema).readonly(),
  education: z.array(educationSchema).readonly(),
  skills: z.array(skillSchema).readonly(),
  tracks: z.array(trackSchema).readonly(),
  factors: z.array(factorSchema).readonly(),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** Input for a certification a person adds themselves. */
export const customCertificationSchema = z.strictObject({
  id: certificationIdSchema,
  title: z.string().trim().min(1).max(200),
  issuer: z.string().trim().min(1).max(200),
  custom: z.literal(true).optional(),
});
export type CustomCertificationInput = z.infer<typeof customCertificationSchema>;
