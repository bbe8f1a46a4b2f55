import "server-only";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import { listCustomCertifications } from "@/lib/certifications";
import { checklistItemIds, summarizeProgress } from "./checklist";
import { loadProgressItems } from "./rows";
import type { CustomCertification, ProgressItem, ProgressList } from "./types";

export { setItemProgress } from "./set-item-progress";
export type { FieldChanges } from "./set-item-progress";

export type UserProgress = { items: ProgressItem[]; customCertifications: CustomCertification[] };

/**
 * Everything the ladder needs about one person: their rows and their own certifications.
 * Exactly two queries, whatever the number of items. Rows for items that are no longer on
 * this person's checklist (say, a removed catalog item) are left out.
 */
export async function loadUserProgress(userId: string): Promise<UserProgress> {
  const [items, customCertifications] = await Promise.all([
    loadProgressItems(userId),
    listCustomCertifications(userId),
  ]);
  const catalog = withCustomCertifications(CATALOG, customCertifications);
  const known = new Set(checklistItemIds(catalog));
  return { items: items.filter((item) => known.has(item.itemId)), customCertifications };
}

/** GET /api/progress: the stored rows (untouched items are "todo" and omitted) and counts. */
export async function getProgress(userId: string): Promise<ProgressList> {
  const { items, customCertifications } = await loadUserProgress(userId);
  return { items, summary: summarizeProgress(withCustomCertifications(CATALOG, customCertifications), items) };
}
