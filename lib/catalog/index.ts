import { CERTIFICATIONS, type CertificationId } from "./certifications";
import { EDUCATION, type EducationId } from "./education";
import { FACTORS, type FactorId } from "./factors";
import { hashString } from "./hash";
import { LADDER_LEVELS, type LevelId } from "./ladder";
import { LADDER_RULES } from "./rules";
import { CHECKABLE_KINDS, type CheckableKind, type ItemKind } from "./kinds";
import type { Catalog, Certification, CustomCertificationInput, Education, Factor, LadderLevel, Skill, Step, Track } from "./schema";
import { SKILLS, type SkillId } from "./skills";
import { STEPS, type StepId } from "./steps";
import { TRACKS, type TrackId } from "./tracks";

// Values from kinds.ts only: the zod schemas are imported from ./schema by the code that
// parses (handlers, tests), so client bundles that need a list do not carry zod.
export * from "./kinds";
export type * from "./schema";
export { ASPIRING_TITLE, LADDER_RULES, REQUIREMENTS, type RequirementId } from "./rules";
export { formatDollars, formatSalaryBand } from "./format";
export { hashString } from "./hash";
export { CERTIFICATIONS, EDUCATION, FACTORS, LADDER_LEVELS, SKILLS, STEPS, TRACKS };
export type { CertificationId, EducationId, FactorId, LevelId, SkillId, StepId, TrackId };

export type CatalogItemId =
  | LevelId
  | StepId
  | CertificationId
  | EducationId
  | SkillId
  | TrackId
  | FactorId;
export type CheckableItemId = StepId | CertificationId | EducationId | SkillId;

/** Rungs with their rules attached (DESIGN.md: level = {id, title, salary…, summary, requirements}). */
const LADDER = LADDER_LEVELS.map((level) => ({ ...level, ...LADDER_RULES[level.id] }));

const CONTENT = {
  ladder: LADDER,
  steps: STEPS,
  certifications: CERTIFICATIONS,
  education: EDUCATION,
  skills: SKILLS,
  tracks: TRACKS,
  factors: FACTORS,
};

/** Changes whenever any content or rule changes; used as the ETag of GET /api/catalog. */
export const catalogVersion: string = hashString(JSON.stringify(CONTENT));

/**
 * The whole catalog, typed as the schema's `Catalog` so consumers can iterate it without
 * fighting tuple-of-literal types. For id unions use the typed arrays (STEPS, SKILLS, …) and
 * the *Id types exported above.
 */
export const CATALOG: Catalog = { version: catalogVersion, ...CONTENT };

export type CatalogItemRef =
  | { kind: "level"; item: LadderLevel }
  | { kind: "step"; item: Step }
  | { kind: "certification"; item: Certification }
  | { kind: "education"; item: Education }
  | { kind: "skill"; item: Skill }
  | { kind: "track"; item: Track }
  | { kind: "factor"; item: Factor };

const indexCache = new WeakMap<Catalog, ReadonlyMap<string, CatalogItemRef>>();

/** Every item of a catalog by id. The first occurrence wins if a catalog is malformed. */
export function indexCatalog(catalog: Catalog): ReadonlyMap<string, CatalogItemRef> {
  const cached = indexCache.get(catalog);
  if (cached) return cached;
  const index = new Map<string, CatalogItemRef>();
  const add = (ref: CatalogItemRef) => {
    if (!index.has(ref.item.id)) index.set(ref.item.id, ref);
  };
  for (const item of catalog.ladder) add({ kind: "level", item });
  for (const item of catalog.steps) add({ kind: "step", item });
  for (const item of catalog.certifications) add({ kind: "certification", item });
  for (const item of catalog.education) add({ kind: "education", item });
  for (const item of catalog.skills) add({ kind: "skill", item });
  for (const item of catalog.tracks) add({ kind: "track", item });
  for (const item of catalog.factors) add({ kind: "factor", item });
  indexCache.set(catalog, index);
  return index;
}

/** The item with this id and its kind, or null. Pass a catalog with custom certifications to find those. */
export function getCatalogItem(id: string, catalog: Catalog = CATALOG): CatalogItemRef | null {
  return indexCatalog(catalog).get(id) ?? null;
}

/** True for an id of the built-in catalog (any kind). */
export function isCatalogItemId(id: string): id is CatalogItemId {
  return indexCatalog(CATALOG).has(id);
}

export function isCheckableKind(kind: ItemKind): kind is CheckableKind {
  return (CHECKABLE_KINDS as readonly ItemKind[]).includes(kind);
}

/**
 * True for an id a person can set a status on (step, certification, education, skill).
 * Pass a catalog extended by withCustomCertifications to accept that person's own
 * certifications too.
 */
export function isCheckableItemId(id: string, catalog: Catalog = CATALOG): boolean {
  const ref = getCatalogItem(id, catalog);
  return ref !== null && isCheckableKind(ref.kind);
}

/**
 * The catalog plus a person's own certifications (marked `custom: true`), so the ladder counts
 * them like listed ones. A certification whose id is already used by any catalog item is
 * dropped rather than allowed to shadow it (ids are unique across all kinds). `version` is
 * kept: it names the shared content, not one person's additions.
 */
export function withCustomCertifications(
  catalog: Catalog,
  certs: readonly CustomCertificationInput[],
): Catalog {
  if (certs.length === 0) return catalog;
  const taken = new Set(indexCatalog(catalog).keys());
  const added: Certification[] = [];
  for (const cert of certs) {
    if (taken.has(cert.id)) continue;
    taken.add(cert.id);
    added.push({ id: cert.id, title: cert.title, issuer: cert.issuer, custom: true });
  }
  return { ...catalog, certifications: [...catalog.certifications, ...added] };
}
