import { z } from "zod";
import { nameSchema } from "@/lib/accounts/schemas";
import { itemStatusSchema } from "@/lib/catalog/schema";
import { CERTIFICATION_TEXT_MAX_CHARS, MAX_CUSTOM_CERTIFICATIONS } from "@/lib/certifications/schemas";
import { isExpiryBeforeCompletion, type ProgressField } from "@/lib/progress/fields";
import {
  completedOnSchema,
  EVIDENCE_URL_MAX_CHARS,
  EXPIRY_BEFORE_COMPLETION,
  evidenceUrlSchema,
  ITEM_ID_MAX_CHARS,
  isoDateSchema,
  NOTE_MAX_CHARS,
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
/**
 * Every export fits: IMPORT_MAX_PROGRESS rows at their longest take about 7 MB, and the export
 * leaves out its oldest history when the file would be larger (lib/data-transfer).
 */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

/** A time the app could have written: from 1970 up to a day from now (clock skew). */
const timestampSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const time = Date.parse(value);
    return time >= 0 && time <= Date.now() + 24 * 60 * 60 * 1000;
  }, "must be a time between 1970 and now");
const itemIdSchema = z.string().min(1).max(ITEM_ID_MAX_CHARS);
/** A history value as the forms would have stored it; checked by length, not re-validated, since old rules may differ. */
const historyText = (maxChars: number) =>
  z
    .string()
    .refine((value) => Array.from(value).length <= maxChars, `must be at most ${maxChars} characters`)
    .nullable();
const change = <T extends z.ZodType>(value: T) => z.tuple([value, value]).optional();

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

/** No defaults or transforms: importFileSchema keeps each entry as given once it passes. */
const historyEntrySchema = z.strictObject({
  itemId: itemIdSchema,
  fromStatus: itemStatusSchema.nullable(),
  toStatus: itemStatusSchema,
  changes: z.strictObject({
    status: change(itemStatusSchema.nullable()),
    completedOn: change(isoDateSchema.nullable()),
    expiresOn: change(isoDateSchema.nullable()),
    note: change(historyText(NOTE_MAX_CHARS)),
    evidenceUrl: change(historyText(EVIDENCE_URL_MAX_CHARS)),
    targetOn: change(isoDateSchema.nullable()),
  } satisfies Record<ProgressField, z.ZodType>),
  createdAt: timestampSchema,
});

/** Query string of GET /api/export. */
export const exportQuerySchema = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `is not "${EXPORT_FORMAT}": this is not a Ladder export` }),
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}: this export comes from a version Ladder cannot read` }),
  exportedAt: timestampSchema,
  user: z.strictObject({
    name: nameSchema.nullable(),
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

/** History entries checked at a time, between turns for other requests. */
const HISTORY_SLICE = 500;

/**
 * Body of POST /api/import: exportFileSchema, with the history entries checked in slices,
 * yielding between them, so a maximum-size file blocks no other request. Asynchronous:
 * readJson parses it with safeParseAsync. An entry that passes is kept as parsed from the
 * file, not replaced by zod's equal copy, so a maximum-size history is held once (decision
 * record 018).
 */
export const importFileSchema = exportFileSchema
  .extend({ history: z.array(z.unknown()).max(IMPORT_MAX_HISTORY) })
  .transform(async (envelope, ctx): Promise<ExportFile> => {
    for (let start = 0; start < envelope.history.length; start += HISTORY_SLICE) {
      for (const [offset, entry] of envelope.history.slice(start, start + HISTORY_SLICE).entries()) {
        const parsed = historyEntrySchema.safeParse(entry);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.issues.push({ ...issue, input: entry, path: ["history", start + offset, ...issue.path] } as z.core.$ZodRawIssue);
          }
          return z.NEVER;
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { ...envelope, history: envelope.history as ExportFile["history"] };
  });
export type ExportFileInput = z.input<typeof exportFileSchema>;

export type ImportResult = {
  restored: { progress: number; customCertifications: number; history: number; trackId: string | null };
  /** POST /api/import/undo with this id puts back what the import replaced, once, until expiresAt. */
  undo: { id: string; expiresAt: string };
};

/** Body of POST /api/import/undo. */
export const importUndoSchema = z.strictObject({ id: z.string().min(1).max(64) });

export type ImportUndoResult = { restored: { progress: number } };

/** The columns of a history row, in the order an import and an undo write them with insertRows (lib/db). */
export const HISTORY_COLUMNS = ["id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt"] as const;
