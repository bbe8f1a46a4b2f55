"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/form-message";
import type { ChecklistSection } from "@/lib/progress/checklist";
import { FIRST_VISIT_SKIPPED_COOKIE } from "@/lib/progress/schemas";
import type { ProgressItem } from "@/lib/progress/types";
import { putItem, recomputeLadder } from "./progress-cache";
import { useShowToast } from "./progress-toast";

/**
 * "What have you already done?": the whole checklist as compact checkboxes, saved as Done in
 * one request (PATCH /api/progress), for a person who has saved nothing yet. Loaded only for
 * them (next/dynamic in the dashboard). "Skip" is remembered in a cookie for this person.
 */
export function FirstVisit({
  sections,
  userId,
  today,
  onClose,
}: {
  sections: ChecklistSection[];
  userId: string;
  today: string;
  /** `saved`: how many items were marked done; 0 when skipped. */
  onClose: (saved: number) => void;
}) {
  const client = useQueryClient();
  const showToast = useShowToast();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const toggle = (id: string, isChecked: boolean) => {
    const next = new Set(chosen);
    if (isChecked) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    if (chosen.size === 0) {
      setError("Tick what you have already done, or choose Skip.");
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const { items } = await fetchJson<{ items: ProgressItem[] }>("/api/progress", { method: "PATCH", body: JSON.stringify({ itemIds: [...chosen], status: "done" }) });
      for (const item of items) putItem(client, item);
      recomputeLadder(client, today);
      showToast({ text: `Saved: ${items.length === 1 ? "1 item is" : `${items.length} items are`} now Done. The checklist shows what your next rung needs.` });
      onClose(items.length);
      await Promise.all([client.invalidateQueries({ queryKey: queryKeys.ladder }), client.invalidateQueries({ queryKey: queryKeys.plan })]);
    } catch (failure) {
      setError(`Nothing was saved: ${errorMessage(failure)}`);
    } finally {
      setIsBusy(false);
    }
  }

  function skip() {
    // A plain cookie the dashboard's server render reads; the Cookie Store API is not in every browser yet.
    // biome-ignore lint/suspicious/noDocumentCookie: see above
    document.cookie = `${FIRST_VISIT_SKIPPED_COOKIE}=${encodeURIComponent(userId)}; path=/; max-age=31536000; samesite=lax`;
    onClose(0);
  }

  return (
    <section aria-labelledby="first-visit-title" className="rounded-xl border-2 border-blue-700 bg-white p-4 sm:p-5 dark:border-blue-300 dark:bg-slate-900">
      <h2 id="first-visit-title" className="text-xl font-semibold">
        What have you already done?
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Tick everything you have already done and save once: each becomes Done, and you can add dates, notes and evidence later.
      </p>
      <form onSubmit={save} className="mt-3">
        <div className="grid gap-x-6 gap-y-3 md:grid-cols-2">
          {sections.map((section) => (
            <fieldset key={section.id} className="min-w-0">
              <legend className="text-sm font-semibold">{section.title}</legend>
              <ul className="mt-1 grid gap-x-4 sm:grid-cols-2 md:grid-cols-1 lg:grid-cols-2">
                {section.items.map((entry) => (
                  <li key={entry.id}>
                    <label className="flex min-h-11 cursor-pointer items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name="done"
                        value={entry.id}
                        checked={chosen.has(entry.id)}
                        onChange={(e) => toggle(entry.id, e.currentTarget.checked)}
                        className="size-5 shrink-0 accent-blue-700 dark:accent-blue-300"
                      />
                      {entry.title}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </div>
        <StatusMessage message={error ? { isError: true, text: error } : null} className="mt-2" />
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="submit" isBusy={isBusy}>
            {isBusy ? "Saving…" : chosen.size > 0 ? `Save ${chosen.size} as done` : "Save as done"}
          </Button>
          <Button variant="secondary" onClick={skip}>
            Skip
          </Button>
        </div>
      </form>
    </section>
  );
}
