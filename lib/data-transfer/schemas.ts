import { z } from "zod";
import { itemStatusSchema } from "@/lib/catalog";
import { CERTIFICATION_TEXT_MAX_CHARS, MAX_CUSTOM_CERTIFICATIONS } from "@/lib/certifications/schemas";
import { isExpiryBeforeCompletion, PROGRESS_FIELDS } from "@/lib/progress/fields";
import {
  completedOnSchema,
  EXPIRY_BEFORE_COMPLETION,
  evidenceUrlSchema,
  ITEM_ID_MAX_CHARS,
  isoDateSchema,
  noteSchema,
  trackIdSchema,
} from "@/lib/progress/schemas";

// The export file, version 1. Import accepts exactly this shape (unknown fields refused),
// with the same rules a PUT applies to each row, so an import can store nothing a person
// could not have entered by hand.

export const EXPORT_FORMAT = "ladder-export";
export const EXPORT_VERSION = 1;
/** Per person; generous for years of use, and keeps one import inside one short transaction. */
export const IMPORT_MAX_PROGRESS = 500;
export const IMPORT_MAX_HISTORY = 20_000;
/** Fits IMPORT_MAX_HISTORY events of ordinary size. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;

const timestampSchema = z.iso.datetime({ offset: true });
const itemIdSchema = z.string().min(1).max(ITEM_ID_MAX_CHARS);
const nullableText = z.string().nullable();

const progressEntrySchema = z
  .strictObject({
    itemId: itemIdSchema,
    status: itemStatusSchema,
    completedOn: completedOnSchema.nullable(),
    expiresOn: isoDateSchema.nullable(),
    note: noteSchema.nullable(),
    evidenceUrl: evidenceUrlSchema.nullable(),
    // Files exported before target dates existed have no such field.
    targetOn: isoDateSchema.nullable().default(null),
    updatedAt: timestampSchema.nullable(),
    // Exported for the record; never restored from a file (a verification is Ladder's own check).
    verification: z.unknown().optional(),
  })
  .refine((v) => !isExpiryBeforeCompletion(v), EXPIRY_BEFORE_COMPLETION);

const certificationEntrySchema = z.strictObject({
  id: itemIdSchema,
  title: z.string().trim().min(1).max(CERTIFICATION_TEXT_MAX_CHARS),
  issuer: z.string().trim().min(1).max(CERTIFICATION_TEXT_MAX_CHARS),
});

const historyEntrySchema = z.strictObject({
  itemId: itemIdSchema,
  fromStatus: itemStatusSchema.nullable(),
  toStatus: itemStatusSchema,
  changes: z.partialRecord(
    z.enum(PROGRESS_FIELDS),
    z.tuple([nullableText, nullableText]),
  ),
  createdAt: timestampSchema,
});

/** Query string of GET /api/export. */
export const exportQuerySchema = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `is not "${EXPORT_FORMAT}": this is not a Ladder export` }),
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}: this export comes from a version Ladder cannot read` }),
  exportedAt: timestampSchema,
  user: z.strictObject({
    name: z.string().max(200).nullable(),
    trackId: trackIdSchema.nullable(),
  }),
  progress: z.array(progressEntrySchema).max(IMPORT_MAX_PROGRESS),
  customCertifications: z.array(certificationEntrySchema).max(MAX_CUSTOM_CERTIFICATIONS),
  history: z.array(historyEntrySchema).max(IMPORT_MAX_HISTORY),
  // Files exported before plans existed have none. A stored target date may since have
  // passed, so dates are not checked against today here.
  plan: z
    .strictObject({ targetRungId: z.string().min(1).max(64).nullable(), targetDate: isoDateSchema.nullable() })
    .nullable()
    .default(null),
});

export type ExportFile = z.output<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;

export type ImportResult = {
  restored: { progress: number; customCertifications: number; history: number; trackId: string | null };
};
