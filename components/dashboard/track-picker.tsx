"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TRACKS } from "@/lib/catalog";
import { fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";

/** The career track a person focuses on, with the article's description of it. */
export function TrackPicker({ initialTrackId }: { initialTrackId: string | null }) {
  const [trackId, setTrackId] = useState(initialTrackId);
  const [selected, setSelected] = useState(initialTrackId ?? "");
  const [saved, setSaved] = useState("");
  const mutation = useMutation({
    mutationFn: (next: string | null) =>
      fetchJson<{ trackId: string | null }>("/api/track", { method: "PUT", body: JSON.stringify({ trackId: next }) }),
    onSuccess: (result) => {
      setTrackId(result.trackId);
      setSaved(result.trackId ? "Track saved." : "Track cleared.");
    },
  });
  const track = TRACKS.find((t) => t.id === trackId);
  const isInactive = mutation.isPending || selected === (trackId ?? "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (isInactive) return;
    setSaved("");
    mutation.mutate(selected || null);
  }

  return (
    <section aria-labelledby="track-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="track-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Your focus track
      </h2>
      {track ? (
        <>
          <p className="mt-2 text-xl font-bold">{track.title}</p>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{track.summary}</p>
        </>
      ) : (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          No track picked yet. The article describes {TRACKS.length} career tracks; pick the one you want to grow in.
        </p>
      )}
      <form onSubmit={onSubmit} className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="track-select" className="block text-sm font-medium">
            Career track
          </label>
          <select id="track-select" value={selected} onChange={(e) => setSelected(e.target.value)} className={inputClass}>
            <option value="">No track</option>
            {TRACKS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" isBusy={isInactive}>
          {mutation.isPending ? "Saving…" : "Save track"}
        </Button>
      </form>
      <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
        {saved}
      </p>
      {mutation.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Track not saved: {mutation.error.message}
        </p>
      ) : null}
    </section>
  );
}
