import type { Catalog, CheckableKind, ItemStatus } from "@/lib/catalog";
import type { ProgressItem, ProgressSummary } from "./types";

// The checklist as the person sees it: four sections of checkable items, in the article's
// order. Pure, so the dashboard, the CSV export and the summary count the same items.

export type ChecklistEntry = {
  id: string;
  kind: CheckableKind;
  title: string;
  /** Steps only: the article's step number. */
  order: number | null;
  summary: string | null;
  /** Certifications only: who issues it. */
  issuer: string | null;
  /** true for a certification the person added themselves. */
  isCustom: boolean;
};

export type ChecklistSectionId = "steps" | "certifications" | "education" | "skills";

export type ChecklistSection = {
  id: ChecklistSectionId;
  title: string;
  description: string;
  items: ChecklistEntry[];
};

export function checklistSections(catalog: Catalog): ChecklistSection[] {
  return [
    {
      id: "steps",
      title: `The ${catalog.steps.length} steps`,
      description: "The steps to become a Machine Learning Engineer, in the article's order.",
      items: [...catalog.steps]
        .sort((a, b) => a.order - b.order)
        .map((s) => ({ id: s.id, kind: "step", title: s.title, order: s.order, summary: s.summary, issuer: null, isCustom: false })),
    },
    {
      id: "certifications",
      title: "Certifications",
      description: "The certifications the article names, and any you add yourself.",
      items: catalog.certifications.map((c) => ({
        id: c.id,
        kind: "certification",
        title: c.title,
        order: null,
        summary: null,
        issuer: c.issuer,
        isCustom: c.custom,
      })),
    },
    {
      id: "education",
      title: "Education paths",
      description: "Degrees the article lists. They are alternatives: one that fits your rung is enough.",
      items: catalog.education.map((e) => ({ id: e.id, kind: "education", title: e.title, order: null, summary: e.summary, issuer: null, isCustom: false })),
    },
    {
      id: "skills",
      title: "Essential skills",
      description: "The skills every Machine Learning Engineer needs.",
      items: catalog.skills.map((s) => ({ id: s.id, kind: "skill", title: s.title, order: null, summary: s.summary, issuer: null, isCustom: false })),
    },
  ];
}

export function checklistItemIds(catalog: Catalog): string[] {
  return checklistSections(catalog).flatMap((section) => section.items.map((item) => item.id));
}

const COUNTED: Record<ItemStatus, keyof ProgressSummary | null> = {
  todo: null,
  in_progress: "inProgress",
  done: "done",
  skipped: "skipped",
};

/** Counts over the checklist; rows for items no longer on it are not counted. */
export function summarizeProgress(catalog: Catalog, items: readonly ProgressItem[]): ProgressSummary {
  const ids = new Set(checklistItemIds(catalog));
  const summary: ProgressSummary = { done: 0, inProgress: 0, skipped: 0, total: ids.size };
  for (const item of items) {
    const key = COUNTED[item.status];
    if (key && ids.has(item.itemId)) summary[key] += 1;
  }
  return summary;
}
