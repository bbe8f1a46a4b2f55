"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { buttonStyles } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { formatDate } from "@/lib/format";
import { MIN_HISTORY_DAYS, PACE_WINDOW_DAYS } from "@/lib/ladder/forecast";
import { UPCOMING_DAYS } from "@/lib/plan/dated-items";
import type { PlanRung, PlanView, TitledDatedItem } from "@/lib/plan/types";
import { ApiError, errorMessage, fetchPlan, PLAN_QUERY_KEY, savePlan } from "./api";

const rungTitle = (rungs: readonly PlanRung[], id: string | null) => rungs.find((rung) => rung.id === id)?.title ?? null;
const weeks = (n: number) => (n === 1 ? "1 week" : `${n} weeks`);

/** The learning plan on the dashboard: goal, verdict, the pace forecast, overdue and next up. */
type Message = { text: string; field?: string; isError: boolean } | null;

export function PlanCard() {
  const plan = useQuery({ queryKey: PLAN_QUERY_KEY, queryFn: fetchPlan });
  // Kept here: the form below starts afresh whenever the saved goal changes.
  const [message, setMessage] = useState<Message>(null);
  return (
    <section aria-labelledby="plan-card-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="plan-card-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Your plan
      </h2>
      {plan.data ? (
        <>
          <PlanSummary view={plan.data} />
          <DatedList title="Overdue" id="plan-overdue" items={plan.data.overdue} tone="warning" />
          <DatedList title={`Next up (next ${UPCOMING_DAYS} days)`} id="plan-upcoming" items={plan.data.upcoming} tone="info" />
          <GoalForm
            key={`${plan.data.targetRungId}|${plan.data.targetDate}`}
            view={plan.data}
            message={message}
            setMessage={setMessage}
          />
          <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
            Dates are yours to choose and optional. Put them in your calendar from{" "}
            <Link href="/settings#calendar-heading" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
              Settings
            </Link>
            .
          </p>
        </>
      ) : plan.isError ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {errorMessage(plan.error)}
        </p>
      ) : (
        <p className="mt-2 text-slate-700 dark:text-slate-300">Loading your plan…</p>
      )}
    </section>
  );
}

function PlanSummary({ view }: { view: PlanView }) {
  const { forecast } = view;
  const goalTitle = rungTitle(view.rungs, forecast.targetRungId);
  const nextTitle = rungTitle(view.rungs, forecast.nextRungId);
  const hasGoal = view.targetRungId !== null || view.targetDate !== null;

  let verdict: { text: string; tone: "good" | "bad" } | null = null;
  if (forecast.targetReached) verdict = { text: "Reached", tone: "good" };
  else if (forecast.onTrack === true) verdict = { text: "On track", tone: "good" };
  else if (forecast.onTrack === false) {
    verdict = { text: forecast.weeksBehind === null ? "Behind: not within 5 years at this pace" : `Behind by ${weeks(forecast.weeksBehind)}`, tone: "bad" };
  }

  let pace: string;
  switch (forecast.basis) {
    case "top_reached":
      pace = "You have reached the top of the ladder.";
      break;
    case "not_enough_history":
      pace = `Not enough history yet for a forecast: it needs at least ${MIN_HISTORY_DAYS} days of your own history${
        forecast.windowDays > 0 ? ` (you have ${forecast.windowDays})` : ""
      }.`;
      break;
    case "no_recent_progress":
      pace = `No requirement met in the last ${weeks(Math.round(forecast.windowDays / 7))}, so there is no pace to forecast from yet.`;
      break;
    default: {
      const measured = `${forecast.perWeek} requirements a week over the last ${weeks(Math.round(forecast.windowDays / 7))}`;
      pace = forecast.nextRungOn
        ? `At your pace (${measured}) you reach ${nextTitle} around ${formatDate(forecast.nextRungOn)}.`
        : `At your pace (${measured}) ${nextTitle} is more than 5 years away.`;
      if (forecast.targetRungOn && forecast.targetRungId !== forecast.nextRungId) {
        pace += ` ${goalTitle} around ${formatDate(forecast.targetRungOn)}.`;
      }
    }
  }

  return (
    <div aria-live="polite" className="mt-2">
      {hasGoal ? (
        <p className="text-xl font-bold">
          Goal: {goalTitle ?? "your next rung"}
          {view.targetDate ? ` by ${formatDate(view.targetDate)}` : ""}
        </p>
      ) : (
        <p className="text-xl font-bold">No goal set yet</p>
      )}
      {verdict ? (
        <p
          data-testid="plan-verdict"
          className={`mt-2 inline-block rounded-full px-3 py-1 text-sm font-semibold ${
            verdict.tone === "good"
              ? "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200"
              : "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
          }`}
        >
          {verdict.text}
        </p>
      ) : null}
      <p className="mt-2 text-slate-700 dark:text-slate-300">{pace}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Pace counts ladder requirements met in your last {PACE_WINDOW_DAYS / 7} weeks; skipped items never count, and a certification
        counts as lost from its expiry date.
      </p>
    </div>
  );
}

function DatedList({ title, id, items, tone }: { title: string; id: string; items: TitledDatedItem[]; tone: "warning" | "info" }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <ul aria-labelledby={id} className="mt-1 grid gap-1 text-sm">
        {items.map((item) => (
          <li key={item.itemId} className={tone === "warning" ? "text-amber-900 dark:text-amber-200" : "text-slate-800 dark:text-slate-200"}>
            <a href={`#item-${item.itemId}`} className="underline underline-offset-2">
              {item.title}
            </a>
            {tone === "warning" ? `: was due ${formatDate(item.targetOn)}` : `: ${formatDate(item.targetOn)}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

function GoalForm({ view, message, setMessage }: { view: PlanView; message: Message; setMessage: (message: Message) => void }) {
  const client = useQueryClient();
  const open = view.rungs.filter((rung) => !rung.reached);
  const [rungId, setRungId] = useState(view.targetRungId ?? open[0]?.id ?? "");
  const [date, setDate] = useState(view.targetDate ?? "");
  const mutation = useMutation({
    mutationFn: savePlan,
    onSuccess: async (plan) => {
      setMessage({ text: plan.targetRungId || plan.targetDate ? "Goal saved." : "Goal cleared.", isError: false });
      await client.invalidateQueries({ queryKey: PLAN_QUERY_KEY });
    },
    onError: (error) => setMessage({ text: errorMessage(error), field: error instanceof ApiError ? error.field : undefined, isError: true }),
  });
  const hasGoal = view.targetRungId !== null || view.targetDate !== null;
  if (open.length === 0 && !hasGoal) return null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setMessage(null);
    mutation.mutate({ targetRungId: rungId || null, targetDate: date || null });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid gap-3">
      {open.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium">Goal rung</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {open.map((level) => (
              <label
                key={level.id}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 dark:border-slate-600 dark:has-[:checked]:border-blue-300 dark:has-[:checked]:bg-blue-950"
              >
                <input type="radio" name="goal-rung" value={level.id} checked={rungId === level.id} onChange={() => setRungId(level.id)} />
                {level.shortTitle}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextField
        id="goal-date"
        label="Target date (optional)"
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={message?.isError && message.field === "targetDate" ? message.text : null}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" aria-disabled={mutation.isPending} className={buttonStyles.primary}>
          Save goal
        </button>
        {hasGoal ? (
          <button
            type="button"
            aria-disabled={mutation.isPending}
            onClick={() => !mutation.isPending && mutation.mutate({ targetRungId: null, targetDate: null })}
            className={buttonStyles.secondary}
          >
            Clear goal
          </button>
        ) : null}
        <p id="goal-message" role="status" className={`text-sm ${message?.isError ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}>
          {message?.text ?? ""}
        </p>
      </div>
    </form>
  );
}
