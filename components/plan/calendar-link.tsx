"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import { buttonStyles } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { errorMessage } from "./api";

const KEY = ["calendar"] as const;

/**
 * The secret calendar link: made, copied, replaced or revoked here. The link is shown once,
 * when it is made; the server keeps only its hash and cannot show it again.
 */
export function CalendarLink() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: KEY, queryFn: () => fetchJson<{ active: boolean }>("/api/calendar") });
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const create = useMutation({
    mutationFn: () => fetchJson<{ url: string }>("/api/calendar", { method: "POST" }),
    onSuccess: ({ url: made }) => {
      setUrl(made);
      setMessage("New link made. Any earlier link no longer works.");
      client.setQueryData(KEY, { active: true });
    },
    onError: (error) => setMessage(errorMessage(error)),
  });
  const revoke = useMutation({
    mutationFn: () => fetchJson<null>("/api/calendar", { method: "DELETE" }),
    onSuccess: () => {
      setUrl(null);
      setMessage("Link revoked: calendars that used it get nothing more.");
      client.setQueryData(KEY, { active: false });
    },
    onError: (error) => setMessage(errorMessage(error)),
  });
  const isBusy = create.isPending || revoke.isPending;
  const isActive = status.data?.active === true;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setMessage("Link copied.");
    } catch {
      setMessage("Could not copy: select the link and copy it yourself.");
    }
  }

  return (
    <div className="grid gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Subscribe to your plan from any calendar app: your items&rsquo; target dates, your goal&rsquo;s date and certification
        renewals (with a reminder 30 days before). The feed shows titles and dates only, never notes or evidence links. Anyone with
        the link can read it: keep it secret, and revoke it if it leaks.
      </p>
      {url ? (
        <TextField id="calendar-url" label="Your calendar link (shown once)" readOnly value={url} onFocus={(e) => e.target.select()} />
      ) : isActive ? (
        <p className="text-sm">A calendar link is active. For safety it is not shown again: make a new one to copy it.</p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {url ? (
          <button type="button" onClick={copy} className={buttonStyles.primary}>
            Copy link
          </button>
        ) : null}
        <button type="button" aria-disabled={isBusy} onClick={() => !isBusy && create.mutate()} className={url ? buttonStyles.secondary : buttonStyles.primary}>
          {isActive || url ? "Make a new link" : "Create calendar link"}
        </button>
        {isActive || url ? (
          <button type="button" aria-disabled={isBusy} onClick={() => !isBusy && revoke.mutate()} className={buttonStyles.secondary}>
            Revoke link
          </button>
        ) : null}
      </div>
      <p role="status" className="text-sm text-slate-800 dark:text-slate-200">
        {message}
      </p>
    </div>
  );
}
