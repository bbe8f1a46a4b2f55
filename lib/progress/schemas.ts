import { z } from "zod";
import { TRACKS, type TrackId } from "@/lib/catalog";
import { itemStatusSchema } from "@/lib/catalog/schema";
import { addDays, todayUtc } from "@/lib/clock";
import { toIsoDate } from "@/lib/ladder/dates";
import { isExpiryBeforeCompletion, noteOrNone } from "./fields";

// Input rules for a progress row, shared by the checklist forms and the API handlers.

export const NOTE_MAX_CHARS = 2000;
export const EVIDENCE_URL_MAX_CHARS = 2048;
/** Item ids are catalog slugs or server-made custom certification ids; anything longer is no id of ours. */
export const ITEM_ID_MAX_CHARS = 128;

/** A real calendar date, "YYYY-MM-DD": 2026-02-30 and 2026-13-01 are refused. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date in the form YYYY-MM-DD")
  .refine((value) => toIsoDate(value) === value, "is not a real calendar date")
  .refine((value) => value >= "1900-01-01" && value <= "2199-12-31", "must be between 1900 and 2199");

/**
 * The latest date a "completed on" may name. A completion date in the future is a typo, but
 * the server's UTC date can be a day behind the person's own calendar (time zones east of
 * UTC reach tomorrow first), so tomorrow in UTC is still accepted.
 */
export function latestCompletionDate(now: Date = new Date()): string {
  return addDays(todayUtc(now), 1);
}

/**
 * The earliest date a new target date may name: a target in the past is a typo. Yesterday in
 * UTC is still today for people west of UTC, so it is accepted.
 */
export function earliestTargetDate(now: Date = new Date()): string {
  return addDays(todayUtc(now), -1);
}

export const completedOnSchema = isoDateSchema.refine(
  (value) => value <= latestCompletionDate(),
  "cannot be in the future",
);

/** Counted in characters as a person sees them (an emoji is one), not UTF-16 units. */
export const noteSchema = z
  .string()
  .refine((value) => Array.from(value).length <= NOTE_MAX_CHARS, `must be at most ${NOTE_MAX_CHARS.toLocaleString("en-US")} characters`)
  .transform(noteOrNone);

/** Only http(s) links: javascript:, data: and the like could run in the page that shows them. */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(EVIDENCE_URL_MAX_CHARS, `must be at most ${EVIDENCE_URL_MAX_CHARS} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "must be a link starting with http:// or https://" }));

/** The refusal of an expiry date before the completion date, for every schema of a row. */
export const EXPIRY_BEFORE_COMPLETION = { message: "cannot be before the date it was earned", path: ["expiresOn"] };

/**
 * Body of PUT /api/progress/:itemId. `status` is always sent, so repeating a request can never
 * flip anything. Optional fields: omitted keeps the stored value, null clears it.
 */
export const progressUpdateSchema = z
  .strictObject({
    status: itemStatusSchema,
    completedOn: completedOnSchema.nullable().optional(),
    expiresOn: isoDateSchema.nullable().optional(),
    note: noteSchema.nullable().optional(),
    evidenceUrl: evidenceUrlSchema.nullable().optional(),
    targetOn: isoDateSchema.nullable().optional(),
  })
  .refine((v) => !isExpiryBeforeCompletion(v), EXPIRY_BEFORE_COMPLETION);

export type ProgressUpdateInput = z.input<typeof progressUpdateSchema>;
export type ProgressUpdate = z.output<typeof progressUpdateSchema>;

const TRACK_IDS = TRACKS.map((t) => t.id) as [TrackId, ...TrackId[]];

export const trackIdSchema = z.enum(TRACK_IDS, { error: "must be one of the 5 career tracks" });

/** Body of PUT /api/track: the person's focus track, or null for none. */
export const setTrackSchema = z.strictObject({ trackId: trackIdSchema.nullable() });

export type SetTrackInput = z.input<typeof setTrackSchema>;

/** The most items one PATCH /api/progress may name: the whole checklist with every own certification. */
export const BULK_MAX_ITEMS = 100;

/** Body of PATCH /api/progress: one status for several items (the first-visit step). */
export const bulkProgressSchema = z.strictObject({
  itemIds: z
    .array(z.string().min(1).max(ITEM_ID_MAX_CHARS))
    .min(1, "must name at least one item")
    .max(BULK_MAX_ITEMS, `must name at most ${BULK_MAX_ITEMS} items`)
    .refine((ids) => new Set(ids).size === ids.length, "must not name an item twice"),
  status: itemStatusSchema,
});

export type BulkProgressInput = z.input<typeof bulkProgressSchema>;

/** Set by "Skip" on the first-visit step; its value is the person's id, so it is theirs only. */
export const FIRST_VISIT_SKIPPED_COOKIE = "ladder-first-visit-skipped";
