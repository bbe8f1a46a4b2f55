import { type Catalog, getCatalogItem } from "@/lib/catalog";
import type { LadderEvaluation, RungDTO } from "@/lib/ladder";
import { checklistSections, summarizeProgress } from "@/lib/progress/checklist";
import type { ProgressItem } from "@/lib/progress/types";
import type { SharedPlan, SharedRung } from "./types";

// What another person may see of someone's plan, built field by field from the evaluation
// (never by copying rows), so a note or an evidence link cannot slip through. Pure.

const rung = (level: RungDTO | null): SharedRung | null =>
  level ? { title: level.title, shortTitle: level.shortTitle, salaryMin: level.salaryMin, salaryMax: level.salaryMax } : null;

export function toSharedPlan(input: {
  name: string | null;
  catalog: Catalog;
  items: readonly ProgressItem[];
  ladder: LadderEvaluation;
  withChecklist: boolean;
}): SharedPlan {
  const { catalog, items, ladder } = input;
  const statusOf = new Map(items.map((item) => [item.itemId, item.status]));
  return {
    name: input.name,
    current: rung(ladder.current),
    next: rung(ladder.next),
    percentToNext: ladder.percentToNext,
    overallPercent: ladder.overallPercent,
    summary: summarizeProgress(catalog, items),
    missing: ladder.missing.map((m) => ({ title: m.title, items: m.itemIds.map((id) => getCatalogItem(id, catalog)?.item.title ?? id) })),
    checklist: input.withChecklist
      ? checklistSections(catalog).map((section) => ({
          section: section.title,
          items: section.items.map((entry) => ({ title: entry.title, status: statusOf.get(entry.id) ?? "todo" })),
        }))
      : null,
  };
}
