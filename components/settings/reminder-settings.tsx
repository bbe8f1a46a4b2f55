"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { fetchJson, retryMessage } from "@/components/auth/api";
import { buttonClass, FormMessage } from "@/components/ui/text-field";
import type { ReminderSettingsDto } from "@/lib/reminders/schemas";

type Values = Omit<ReminderSettingsDto, "emailConfirmed">;

const SWITCHES: { key: "weeklyDigest" | "renewals"; label: string; hint: string }[] = [
  { key: "weeklyDigest", label: "Weekly digest", hint: "Each Monday: what changed, what is next, your pace." },
  { key: "renewals", label: "Certification renewals", hint: "90, 30 and 7 days before a certification expires." },
];

export function ReminderSettings({ initial }: { initial: ReminderSettingsDto }) {
  const [values, setValues] = useState<Values>({
    weeklyDigest: initial.weeklyDigest,
    renewals: initial.renewals,
    targets: initial.targets,
    timeZone: initial.timeZone,
  });
  const timeZones = useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return zones.includes(values.timeZone) ? zones : [values.timeZone, ...zones];
  }, [values.timeZone]);
  const save = useMutation({ mutationFn: (value: Values) => fetchJson<ReminderSettingsDto>("/api/reminders", { method: "PUT", json: value }) });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(values);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {initial.emailConfirmed ? null : <p className="text-sm text-slate-700 dark:text-slate-300">Mail starts once your email address is confirmed.</p>}
      <fieldset className="space-y-3">
        <legend className="sr-only">Mails to get</legend>
        {SWITCHES.map((item) => (
          <div key={item.key} className="flex items-start gap-3">
            <input
              id={`reminder-${item.key}`}
              type="checkbox"
              className="mt-1 size-5 shrink-0 accent-blue-700"
              checked={values[item.key]}
              onChange={(event) => setValues({ ...values, [item.key]: event.target.checked })}
              aria-describedby={`reminder-${item.key}-hint`}
            />
            <div>
              <label htmlFor={`reminder-${item.key}`} className="font-medium text-slate-900 dark:text-slate-100">
                {item.label}
              </label>
              <p id={`reminder-${item.key}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
                {item.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <label htmlFor="reminder-time-zone" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Time zone
        </label>
        <p id="reminder-time-zone-hint" className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          Your days, and so the days reminders are due, are counted in this zone.
        </p>
        <select
          id="reminder-time-zone"
          aria-describedby="reminder-time-zone-hint"
          className="mt-1 block w-full max-w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 dark:bg-slate-900 dark:text-slate-100"
          value={values.timeZone}
          onChange={(event) => setValues({ ...values, timeZone: event.target.value })}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <FormMessage tone="error">{save.error ? retryMessage(save.error) : null}</FormMessage>
      <FormMessage tone="success">{save.isSuccess ? "Reminder settings saved." : null}</FormMessage>
      <button type="submit" className={buttonClass} aria-disabled={save.isPending || undefined}>
        {save.isPending ? "Saving…" : "Save reminders"}
      </button>
    </form>
  );
}
