import type { ProgressItem } from "./types";

// The fields of a progress row and their rules, in one pure module: the server's write, the
// dashboard's optimistic cache, the history and the import all merge and compare rows here.

export const PROGRESS_FIELDS = ["status", "completedOn", "expiresOn", "note", "evidenceUrl", "targetOn"] as const;

export type ProgressField = (typeof PROGRESS_FIELDS)[number];

export type ProgressFields = Pick<ProgressItem, ProgressField>;

/** An update: `status` is always sent; an omitted field keeps the stored value, null clears it. */
export type ProgressFieldsUpdate = Pick<ProgressItem, "status"> & Partial<Omit<ProgressFields, "status">>;

/** What changed, as {field: [before, after]}. */
export type FieldChanges = Partial<Record<ProgressField, [string | null, string | null]>>;

/** Only the progress fields of a row (a stored item, an imported row). */
export function progressFieldsOf(row: ProgressFields): ProgressFields {
  return Object.fromEntries(PROGRESS_FIELDS.map((field) => [field, row[field]])) as ProgressFields;
}

/** An item never saved: "todo", no dates, no note, no link, no target. */
export function untouchedItem(itemId: string): ProgressItem {
  return { itemId, status: "todo", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, targetOn: null, updatedAt: null };
}

/** A note of only spaces says nothing: it is stored as no note. */
export function noteOrNone(note: string): string | null {
  return note.trim() === "" ? null : note;
}

/** "Expires on" may not name a day before "completed on" (either may be missing). */
export function isExpiryBeforeCompletion(fields: { completedOn?: string | null; expiresOn?: string | null }): boolean {
  return Boolean(fields.completedOn && fields.expiresOn && fields.expiresOn < fields.completedOn);
}

/** The stored fields with an update applied. */
export function mergeProgressUpdate(stored: ProgressFields, update: ProgressFieldsUpdate): ProgressFields {
  const pick = <K extends Exclude<ProgressField, "status">>(field: K) => (update[field] === undefined ? stored[field] : (update[field] ?? null));
  return {
    status: update.status,
    completedOn: pick("completedOn"),
    expiresOn: pick("expiresOn"),
    note: update.note === undefined ? stored.note : update.note === null ? null : noteOrNone(update.note),
    evidenceUrl: pick("evidenceUrl"),
    targetOn: pick("targetOn"),
  };
}

/** The fields that differ, as {field: [before, after]}; null when none does. */
export function diffProgressFields(before: ProgressFields, after: ProgressFields): FieldChanges | null {
  const changes: FieldChanges = {};
  for (const field of PROGRESS_FIELDS) {
    if (before[field] !== after[field]) changes[field] = [before[field], after[field]];
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

export function hasSameFields(a: ProgressFields, b: ProgressFields): boolean {
  return diffProgressFields(a, b) === null;
}
