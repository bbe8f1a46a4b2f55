"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import type { ReminderSettingsDto } from "@/lib/reminders/schemas";

type Values = Omit<ReminderSettingsDto, "emailConfirmed">;

const SWITCHES: { key: "weeklyDigest" | "renewals" | "targets"; label: string; hint: string }[] = [
  { key: "weeklyDigest", label: "Weekly digest", hint: "Each Monday: what changed, what is next, your pace." },
  { key: "renewals", label: "Certification renewals", hint: "90, 30 and 7 days before a certification expires." },
  { key: "targets", label: "Target dates", hint: "7 days before an item's or your goal's target date, and once when it has passed." },
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
              className="mt-3 size-5 shrink-0 accent-blue-700"
              checked={values[item.key]}
              onChange={(event) => setValues({ ...values, [item.key]: event.target.checked })}
              aria-describedby={`reminder-${item.key}-hint`}
            />
            <div>
              <label htmlFor={`reminder-${item.key}`} className="inline-flex min-h-11 items-center font-medium text-slate-900 dark:text-slate-100">
                {item.label}
              </label>
              <p id={`reminder-${item.key}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
                {item.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <FormField id="reminder-time-zone" label="Time zone" hint="Your days, and so the days reminders are due, are counted in this zone.">
        {(control) => (
          <select {...control} className={inputClass} value={values.timeZone} onChange={(event) => setValues({ ...values, timeZone: event.target.value })}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormMessage tone="error">{save.error ? errorMessage(save.error) : null}</FormMessage>
      <FormMessage tone="success">{save.isSuccess ? "Reminder settings saved." : null}</FormMessage>
      <Button type="submit" isBusy={save.isPending}>
        {save.isPending ? "Saving…" : "Save reminders"}
      </Button>
    </form>
  );
}
