import { ProgressBar } from "@/components/ui/progress-bar";
import { ASPIRING_TITLE } from "@/lib/catalog";
import { formatSalaryBand } from "@/lib/format";
import type { SharedPlan } from "@/lib/share/types";

// Where a person stands, as another person sees it (the public page and the mentor's view).
// Server-rendered; every value is rendered as text.
export function PlanSummary({ plan, headingLevel = 2 }: { plan: Omit<SharedPlan, "checklist">; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { current, next, summary } = plan;
  return (
    <section aria-labelledby="plan-position" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <Heading id="plan-position" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Position on the ladder
      </Heading>
      <p className="mt-2 text-2xl font-bold">{current?.title ?? ASPIRING_TITLE}</p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {current ? (
          <>
            Salary band: <span className="font-semibold">{formatSalaryBand(current.salaryMin, current.salaryMax)}</span>
          </>
        ) : (
          "Not on the ladder yet: the first rung is Junior Machine Learning Engineer."
        )}
      </p>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
        {summary.done} of {summary.total} checklist items done, {summary.inProgress} in progress.
      </p>
      <div className="mt-3">
        <ProgressBar value={plan.overallPercent} label="Requirements met across the whole ladder" />
      </div>
      {next ? (
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
          <p className="font-semibold">
            Next rung: {next.title}
            <span className="block text-sm font-normal text-slate-700 dark:text-slate-300">Salary band: {formatSalaryBand(next.salaryMin, next.salaryMax)}</span>
          </p>
          <div className="mt-3">
            <ProgressBar value={plan.percentToNext} label={`Requirements met for ${next.shortTitle}`} size="lg" />
          </div>
          {plan.missing.length > 0 ? (
            <div className="mt-3">
              <p className="text-sm font-medium">What is next:</p>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {plan.missing.map((m) => (
                  <li key={m.title} className="break-words">
                    <span className="font-medium">{m.title}</span>
                    {m.items.length > 0 && !(m.items.length === 1 && m.items[0] === m.title) ? <span className="text-slate-700 dark:text-slate-300">: {m.items.join(" · ")}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">At the top of the ladder.</p>
      )}
    </section>
  );
}
