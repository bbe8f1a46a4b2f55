"use client";

import { useMemo } from "react";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import type { DashboardData } from "@/lib/progress/types";
import { checklistSections } from "@/lib/progress/checklist";
import { itemStandings } from "@/lib/ladder/standing";
import { AddCertificationForm } from "./add-certification-form";
import { ChecklistSection } from "./checklist-section";
import { LadderCard } from "./ladder-card";
import { itemNotices } from "./notices";
import { TrackPicker } from "./track-picker";
import { useCertifications, useLadder, useProgress } from "./progress-cache";

export function Dashboard({ initial }: { initial: DashboardData }) {
  const { today } = initial;
  const progress = useProgress(initial.progress).data;
  const certifications = useCertifications(initial.customCertifications).data;
  const ladder = useLadder(initial.ladder).data;

  const catalog = useMemo(() => withCustomCertifications(CATALOG, certifications), [certifications]);
  const sections = useMemo(() => checklistSections(catalog), [catalog]);
  const itemsById = useMemo(() => new Map(progress.items.map((item) => [item.itemId, item])), [progress.items]);
  const standings = useMemo(() => itemStandings(catalog, progress.items, today), [catalog, progress.items, today]);
  const notices = useMemo(() => itemNotices(catalog, progress.items, ladder, today), [catalog, progress.items, ladder, today]);

  return (
    <div className="grid gap-6">
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr] lg:items-start">
        <LadderCard ladder={ladder} catalog={catalog} items={progress.items} summary={progress.summary} />
        <TrackPicker initialTrackId={initial.trackId} />
      </div>
      <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        <span className="font-semibold">Keyboard:</span> press Tab to reach an item&rsquo;s status, then use the arrow keys: each press
        saves the next status (To do, In progress, Done, Skipped) at once. Changes show immediately; if one cannot be saved, the item
        goes back and says why.
      </p>
      {sections.map((section) => (
        <ChecklistSection key={section.id} section={section} itemsById={itemsById} standings={standings} notices={notices} today={today}>
          {section.id === "certifications" ? <AddCertificationForm today={today} /> : null}
        </ChecklistSection>
      ))}
    </div>
  );
}
