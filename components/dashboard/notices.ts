import type { Catalog, Degree } from "@/lib/catalog";
import { daysBetween, type LadderEvaluation } from "@/lib/ladder";
import { createSatisfaction } from "@/lib/ladder/requirements";
import { formatDate } from "@/lib/format";
import type { ProgressItem } from "@/lib/progress/types";
import type { ItemNotice } from "./checklist-item";

const DEGREE_WORDS: Record<Degree, string> = { bachelor: "bachelor's", master: "master's", phd: "Ph.D." };

/**
 * The short lines under an item that explain how it counts: a step satisfied through an
 * education path or a certification, an expired certification, one to renew soon.
 * Computed with the evaluator's own definition of "satisfied".
 */
export function itemNotices(
  catalog: Catalog,
  items: readonly ProgressItem[],
  ladder: LadderEvaluation,
  today: string,
): Map<string, ItemNotice[]> {
  const satisfaction = createSatisfaction(catalog, items, today);
  const notices = new Map<string, ItemNotice[]>();
  const add = (id: string, notice: ItemNotice) => notices.set(id, [...(notices.get(id) ?? []), notice]);

  for (const step of catalog.steps) {
    const by = step.satisfiedBy;
    if (!by) continue;
    const isSatisfied = satisfaction.isItemSatisfied(step.id);
    const isDone = satisfaction.rows.get(step.id)?.status === "done";
    if (by.kind === "education") {
      const words = by.degrees.map((d) => DEGREE_WORDS[d]).join(" or ");
      // Met through a path: the item itself says so (itemStandings).
      if (!isSatisfied && !isDone) add(step.id, { tone: "info", text: `Also counts as done when you finish a ${words} education path below.` });
    } else if (by.isExclusive && !isSatisfied && !isDone) {
      add(step.id, { tone: "info", text: "Counts only through a certification below that is done and has not expired." });
    }
  }

  for (const item of items) {
    if (item.status !== "done" || !item.expiresOn) continue;
    if (daysBetween(today, item.expiresOn) < 0) {
      add(item.itemId, { tone: "warning", text: `Expired on ${formatDate(item.expiresOn)}: it no longer counts toward your rung.` });
    }
  }
  for (const item of items) {
    if (!item.targetOn || item.status === "done" || item.status === "skipped") continue;
    add(
      item.itemId,
      item.targetOn < today
        ? { tone: "warning", text: `Overdue: your target date was ${formatDate(item.targetOn)}.` }
        : { tone: "info", text: `Target date: ${formatDate(item.targetOn)}.` },
    );
  }
  for (const soon of ladder.expiringSoon) {
    const left = soon.daysLeft === 1 ? "1 day" : `${soon.daysLeft} days`;
    add(soon.itemId, { tone: "warning", text: `Renew by ${formatDate(soon.expiresOn)} (${left} left).` });
  }
  return notices;
}
