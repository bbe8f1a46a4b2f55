import { CATALOG, type ItemStatus } from "@/lib/catalog";
import { MAX_CUSTOM_CERTIFICATIONS } from "@/lib/certifications/schemas";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFileInput, IMPORT_MAX_BYTES, IMPORT_MAX_HISTORY } from "@/lib/data-transfer/schemas";
import { checklistItemIds } from "@/lib/progress/checklist";

/**
 * An export as large as an import takes: the most certifications of one's own, a row with a
 * note for every checklist item, and IMPORT_MAX_HISTORY history events whose notes fill the
 * file to just under IMPORT_MAX_BYTES. For the bench's import phase and the import's memory
 * measurement (scripts/import-memory.mts); the callers check it with the import's schema.
 */
export function maxSizeExport(exportedAt: Date = new Date()): ExportFileInput {
  const statuses: ItemStatus[] = ["todo", "in_progress", "done", "skipped"];
  const certificationIds = Array.from({ length: MAX_CUSTOM_CERTIFICATIONS }, (_, i) => `custom-bench-${i}`);
  const itemIds = [...checklistItemIds(CATALOG), ...certificationIds];
  const file: ExportFileInput = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    user: { name: "Bench import", trackId: null },
    progress: itemIds.map((itemId, i) => ({
      itemId,
      status: "in_progress",
      completedOn: null,
      expiresOn: null,
      note: `Notes on item ${i}: ${"working through it step by step. ".repeat(30)}`.trim(),
      evidenceUrl: `https://example.com/evidence/${i}`,
      targetOn: null,
      updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    })),
    customCertifications: certificationIds.map((id, i) => ({ id, title: `Certification ${i} of my own`, issuer: "Bench issuer" })),
    history: [],
    plan: { targetRungId: "senior-mle", targetDate: null },
  };
  const event = (i: number, noteChars: number): ExportFileInput["history"][number] => {
    const from = statuses[i % 4] as ItemStatus;
    const to = statuses[(i + 1) % 4] as ItemStatus;
    return {
      itemId: itemIds[i % itemIds.length] as string,
      fromStatus: from,
      toStatus: to,
      changes: { status: [from, to], note: [null, `Step ${i}: ${"x".repeat(noteChars)}`] },
      createdAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
    };
  };
  const left = IMPORT_MAX_BYTES - Buffer.byteLength(JSON.stringify(file));
  const perEvent = Math.floor(left / IMPORT_MAX_HISTORY);
  const skeleton = Buffer.byteLength(JSON.stringify(event(IMPORT_MAX_HISTORY, 0))) + 1;
  file.history = Array.from({ length: IMPORT_MAX_HISTORY }, (_, i) => event(i, perEvent - skeleton - 8));
  const bytes = Buffer.byteLength(JSON.stringify(file));
  if (bytes > IMPORT_MAX_BYTES) throw new Error(`the import file is ${bytes} bytes, more than ${IMPORT_MAX_BYTES}`);
  return file;
}
