"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { formatDateTime } from "@/lib/format";
import type { ShareSettings as Settings } from "@/lib/share/types";
import { CopyLink } from "./copy-link";
import { sharingKeys } from "./keys";

type Answer = { share: Settings };

/** The public page: off by default; on gives a link shown once; new link or off, at once. */
export function ShareSettings() {
  const client = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  // Chosen before the page is on: kept here, not in the query cache, so a refetch cannot undo it.
  const [isChecklistChosen, setIsChecklistChosen] = useState(false);
  const share = useQuery({ queryKey: sharingKeys.share, queryFn: () => fetchJson<Answer>("/api/share").then((a) => a.share) });
  const settings = share.data;
  const create = useMutation({
    mutationFn: () => fetchJson<Answer & { url: string }>("/api/share", { method: "POST", json: { showChecklist: settings?.isEnabled ? settings.showChecklist : isChecklistChosen } }),
    onSuccess: (answer) => {
      setUrl(answer.url);
      client.setQueryData(sharingKeys.share, answer.share);
    },
  });
  const update = useMutation({
    mutationFn: (showChecklist: boolean) => fetchJson<Answer>("/api/share", { method: "PATCH", json: { showChecklist } }),
    onSuccess: (answer) => client.setQueryData(sharingKeys.share, answer.share),
  });
  const remove = useMutation({
    mutationFn: () => fetchJson<void>("/api/share", { method: "DELETE" }),
    onSuccess: () => {
      setUrl(null);
      client.setQueryData(sharingKeys.share, { isEnabled: false, showChecklist: false, createdAt: null });
    },
  });
  const error = share.error ?? create.error ?? update.error ?? remove.error;
  const isBusy = create.isPending || update.isPending || remove.isPending;

  return (
    <div className="space-y-4">
      <p className="text-slate-700 dark:text-slate-300">
        A page anyone with the link can open, without signing in: your name, rung, salary band, progress and what is next. Never your notes,
        evidence links or email address. Search engines are asked not to index it.
      </p>
      {settings ? (
        <>
          <p className="font-medium" aria-live="polite">
            {settings.isEnabled ? `Your public page is on (link made ${formatDateTime(settings.createdAt ?? "")}).` : "Your public page is off."}
          </p>
          <div className="flex items-start gap-3">
            <input
              id="share-checklist"
              type="checkbox"
              className="mt-3 size-5 shrink-0"
              checked={settings.isEnabled ? settings.showChecklist : isChecklistChosen}
              aria-describedby="share-checklist-hint"
              onChange={(event) => {
                if (settings.isEnabled) update.mutate(event.target.checked);
                else setIsChecklistChosen(event.target.checked);
              }}
            />
            <div>
              <label htmlFor="share-checklist" className="inline-flex min-h-11 items-center font-medium">
                Show my checklist statuses on the page
              </label>
              <p id="share-checklist-hint" className="text-sm text-slate-600 dark:text-slate-400">
                Each item with To do, In progress, Done or Skipped. Dates and notes stay private.
              </p>
            </div>
          </div>
          {url ? <CopyLink label="Your public link" url={url} hint="Shown only now: Ladder keeps no copy. Get a new link any time." /> : null}
          {settings.isEnabled && !url ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">The link was shown when you made it. Lost it? Get a new one: the old one stops working.</p>
          ) : null}
          <FormMessage tone="error">{error ? errorMessage(error) : null}</FormMessage>
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => !isBusy && create.mutate()} isBusy={isBusy}>
              {settings.isEnabled ? "Get a new link" : "Turn on my public page"}
            </Button>
            {settings.isEnabled ? (
              <Button variant="secondary" onClick={() => !isBusy && remove.mutate()} isBusy={isBusy}>
                Turn off my public page
              </Button>
            ) : null}
          </div>
        </>
      ) : (
        <FormMessage tone="error">{error ? errorMessage(error) : null}</FormMessage>
      )}
    </div>
  );
}
