"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { Activity, type ReactNode, useDeferredValue, useEffect, useMemo, useState } from "react";
import { ASPIRING_TITLE, CATALOG, withCustomCertifications } from "@/lib/catalog";
import { type DashboardText, fromDashboardText } from "@/lib/progress/dashboard-text";
import { checklistSections, summarizeProgress } from "@/lib/progress/checklist";
import type { ProgressItem } from "@/lib/progress/types";
import { evaluateLadder, type LadderEvaluation } from "@/lib/ladder";
import { itemStandings } from "@/lib/ladder/standing";
import { AddCertificationForm } from "./add-certification-form";
import { ChecklistSection } from "./checklist-section";
import { LadderCard } from "./ladder-card";
import { ProgressToasts } from "./progress-toast";
import { itemNotices } from "./notices";
import { TrackPicker } from "./track-picker";
import { useCertifications, useLadder, useProgress } from "./progress-cache";

/** `plan`: the plan card, composed by the page (one feature folder never imports another). */
const FILTERS = [
  { id: "next", label: "Needed for next rung" },
  { id: "in_progress", label: "In progress" },
  { id: "done", label: "Done" },
  { id: "all", label: "All" },
] as const;
type Filter = (typeof FILTERS)[number]["id"];

// Only a person who has saved nothing yet downloads the first-visit step.
const FirstVisit = dynamic(() => import("./first-visit").then((m) => m.FirstVisit));

/** Once a person has started, what the next rung needs is what matters; before that, the whole list. */
function defaultFilter(items: readonly ProgressItem[], ladder: LadderEvaluation): Filter {
  return ladder.next && items.some((item) => item.status !== "todo") ? "next" : "all";
}

/** `firstVisitFor`: the person's id when the first-visit step is to be offered (nothing saved, not skipped). */
export function Dashboard({ initialText, plan, firstVisitFor = null }: { initialText: DashboardText; plan?: ReactNode; firstVisitFor?: string | null }) {
  // Read once per mount: the text is the server's first answer, react-query keeps it from then on.
  const [initial] = useState(() => fromDashboardText(initialText));
  const { today } = initial;
  // The server sends the rows only; the counts and the ladder are derived here once, with the
  // functions that recompute them after each change (docs/decisions/021).
  const initialCatalog = () => withCustomCertifications(CATALOG, initial.customCertifications);
  // Deferred: a status change paints the clicked item first (its own state), and the rest of
  // the list, the counts and the ladder card render after, interruptibly (docs/decisions/017).
  const progress = useDeferredValue(useProgress(() => ({ items: initial.items, summary: summarizeProgress(initialCatalog(), initial.items) })).data);
  const certifications = useDeferredValue(useCertifications(initial.customCertifications).data);
  const ladder = useDeferredValue(useLadder(() => evaluateLadder(initialCatalog(), initial.items, today)).data);

  const catalog = useMemo(() => withCustomCertifications(CATALOG, certifications), [certifications]);
  const sections = useMemo(() => checklistSections(catalog), [catalog]);
  const itemsById = useMemo(() => new Map(progress.items.map((item) => [item.itemId, item])), [progress.items]);
  const standings = useMemo(() => itemStandings(catalog, progress.items, today), [catalog, progress.items, today]);
  const [filter, setFilter] = useState<Filter>(() => defaultFilter(progress.items, ladder));
  const [isFirstVisit, setIsFirstVisit] = useState(firstVisitFor !== null);
  const needed = useMemo(() => new Set(ladder.missing.flatMap((requirement) => requirement.itemIds)), [ladder.missing]);
  const isShown = (id: string): boolean => {
    if (filter === "all") return true;
    if (filter === "next") return needed.has(id);
    if (filter === "done") return Boolean(standings.get(id)?.isMet) || itemsById.get(id)?.status === "done";
    return itemsById.get(id)?.status === "in_progress";
  };
  // A link to an item the filter hides (the plan's overdue list, a notice) shows the whole list.
  useEffect(() => {
    const reveal = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("item-") || document.getElementById(id)) return;
      setFilter("all");
      window.requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
    };
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, []);
  const notices = useMemo(() => itemNotices(catalog, progress.items, ladder, today), [catalog, progress.items, ladder, today]);

  return (
    <ProgressToasts ladder={ladder}>
      <div className="grid gap-6">
        {/* Each Activity boundary hydrates as a task of its own, so the browser can paint and
            answer input between them instead of hydrating the page in one long task. Not
            Suspense: the server streams large Suspense boundaries out of order and the browser
            reveals them a frame or more later, which shifts the layout (docs/decisions/021). */}
        <Activity>
          <LadderCard ladder={ladder} catalog={catalog} items={progress.items} summary={progress.summary} />
        </Activity>
        <details className="text-sm">
          <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-2 font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">
            Keyboard help
          </summary>
          <p className="mt-1 rounded-lg bg-slate-100 px-4 py-3 text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          Press Tab to reach an item&rsquo;s status, then use the arrow keys: each press
          saves the next status (To do, In progress, Done, Skipped) at once. Changes show immediately; if one cannot be saved, the item
          goes back and says why.
          </p>
        </details>
        {/* Stays in view while the checklist scrolls: where you are and how far to the next rung. */}
        <section
          aria-label="Where you stand"
          className="sticky top-0 z-30 -mx-4 flex flex-wrap items-center justify-between gap-x-3 border-y border-slate-200 bg-white/95 px-4 py-1 text-sm sm:mx-0 sm:rounded-lg sm:border dark:border-slate-800 dark:bg-slate-950/95"
        >
          <p>
            <span className="font-semibold">{ladder.current?.title ?? ASPIRING_TITLE}</span>
            {ladder.next ? ` · ${ladder.percentToNext}% of the way to ${ladder.next.title}` : " · the top rung"}
          </p>
          <Link href="/ladder" className="inline-flex min-h-11 items-center font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">
            View ladder
          </Link>
        </section>
        {isFirstVisit && firstVisitFor && progress.items.length === 0 ? (
          <FirstVisit
            sections={sections}
            userId={firstVisitFor}
            today={today}
            onClose={(saved) => {
              setIsFirstVisit(false);
              if (saved > 0) setFilter("next");
              document.getElementById("checklist")?.focus();
            }}
          />
        ) : null}
        {/* One radio group, one Tab stop: the arrow keys choose. */}
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Show in the checklist</legend>
          <span aria-hidden="true" className="text-sm font-medium text-slate-700 dark:text-slate-300">
            Show:
          </span>
          {FILTERS.map(({ id, label }) => (
            // The label is the pill, styled by its radio (.filter-option in app/globals.css).
            <label key={id} className="filter-option">
              <input type="radio" name="checklist-filter" value={id} checked={filter === id} onChange={() => setFilter(id)} className="sr-only" />
              {label}
            </label>
          ))}
        </fieldset>
        <div id="checklist" tabIndex={-1} className="grid scroll-mt-14 gap-6">
          {sections.map((section) => (
            <Activity key={section.id}>
              <ChecklistSection section={section} itemsById={itemsById} standings={standings} isShown={isShown} notices={notices} today={today}>
                {section.id === "certifications" ? <AddCertificationForm today={today} /> : null}
              </ChecklistSection>
            </Activity>
          ))}
        </div>
        {/* After the checklist: the goal form and the track picker are Tab stops the checklist no longer waits behind. */}
        <Activity>{plan}</Activity>
        <Activity>
          <TrackPicker initialTrackId={initial.trackId} />
        </Activity>
      </div>
    </ProgressToasts>
  );
}
