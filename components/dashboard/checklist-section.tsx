"use client";

import { memo, type ReactNode, useState } from "react";
import type { ChecklistSection as Section } from "@/lib/progress/checklist";
import type { ProgressItem } from "@/lib/progress/types";
import { ChecklistItem, type ItemNotice } from "./checklist-item";
import { untouchedItem } from "@/lib/progress/fields";
import type { ItemStanding } from "@/lib/ladder/standing";
import { isSameData } from "./same-data";

// A status change re-renders only the items whose own data changed.
const MemoChecklistItem = memo(ChecklistItem, isSameData);

export function ChecklistSection({
  section,
  itemsById,
  standings,
  isShown = () => true,
  notices,
  today,
  children,
}: {
  section: Section;
  itemsById: ReadonlyMap<string, ProgressItem>;
  standings: ReadonlyMap<string, ItemStanding>;
  /** The checklist's filter; the count above still counts the whole section. */
  isShown?: (id: string) => boolean;
  notices: ReadonlyMap<string, ItemNotice[]>;
  today: string;
  children?: ReactNode;
}) {
  // What the ladder counts: a step met through a degree counts, a step marked done that the rules do not accept does not.
  const done = section.items.filter((entry) => standings.get(entry.id)?.isMet).length;
  const [isCollapsed, setIsCollapsed] = useState(false);
  const shown = section.items.filter((entry) => isShown(entry.id));
  return (
    <section aria-labelledby={`section-${section.id}`} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`section-${section.id}`} className="text-xl font-semibold">
          {section.title}
        </h2>
        <div className="flex items-center gap-2">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {done} of {section.items.length} done
          </p>
          <button
            type="button"
            aria-expanded={!isCollapsed}
            aria-controls={`list-${section.id}`}
            onClick={() => setIsCollapsed(!isCollapsed)}
            className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
          >
            {isCollapsed ? "Show" : "Hide"}
            <span className="sr-only"> {section.title}</span>
          </button>
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{section.description}</p>
      {shown.length === 0 && !isCollapsed ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Nothing in this section under this filter.</p> : null}
      <ul id={`list-${section.id}`} hidden={isCollapsed} className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
        {shown.map((entry) => (
          <MemoChecklistItem
            key={entry.id}
            entry={entry}
            item={itemsById.get(entry.id) ?? untouchedItem(entry.id)}
            today={today}
            standing={standings.get(entry.id)}
            notices={notices.get(entry.id) ?? []}
          />
        ))}
      </ul>
      {children}
    </section>
  );
}
