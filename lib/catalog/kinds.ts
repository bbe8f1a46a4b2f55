// The lists of kinds and statuses, without zod: client components that only need a list
// (the status radios, a kind check) import these through lib/catalog, and the zod schemas in
// schema.ts stay out of their bundles (docs/decisions/017).

export const DEGREES = ["bachelor", "master", "phd"] as const;
export type Degree = (typeof DEGREES)[number];

export const ITEM_STATUSES = ["todo", "in_progress", "done", "skipped"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Kinds of catalog items (singular), one per catalog section. */
export const ITEM_KINDS = ["level", "step", "certification", "education", "skill", "track", "factor"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Kinds a person checks off. Tracks are a single choice kept elsewhere (settings);
 * levels and factors are read-only content.
 */
export const CHECKABLE_KINDS = ["step", "certification", "education", "skill"] as const;
export type CheckableKind = (typeof CHECKABLE_KINDS)[number];
