import { CATALOG, formatSalaryBand, SKILLS } from "@/lib/catalog";
import { evaluateLadder, type ProgressRow } from "@/lib/ladder";
import { CARD } from "./styles";

// A sample checklist, run through the real evaluator, so the preview shows exactly what the
// product would say for it. No expiry dates: the result does not depend on the day.
const EXAMPLE_PROGRESS: ProgressRow[] = [
  { itemId: "bachelors-computer-science", status: "done" },
  { itemId: "gain-practical-experience", status: "done" },
  { itemId: "aws-certified-machine-learning", status: "done" },
  ...SKILLS.map((skill) => ({ itemId: skill.id, status: "done" as const })),
  { itemId: "build-a-network", status: "done" },
  { itemId: "specialize-in-a-domain", status: "in_progress" },
];
const EXAMPLE_DAY = "2026-01-01";

export function ExamplePosition() {
  const result = evaluateLadder(CATALOG, EXAMPLE_PROGRESS, EXAMPLE_DAY);
  const { current, next } = result;
  const levels = [...result.levels].reverse();

  return (
    <section aria-labelledby="example-heading" className={`${CARD} p-5 sm:p-6`}>
      <div className="flex items-center justify-between gap-3">
        <h2 id="example-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-400">
          Example: a dashboard
        </h2>
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
          Sample data
        </span>
      </div>

      {current ? (
        <div className="mt-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">You are</p>
          <p className="text-xl font-bold tracking-tight">{current.title}</p>
          <p className="mt-0.5 text-sm tabular-nums text-slate-600 dark:text-slate-400">
            Salary band {formatSalaryBand(current.salaryMin, current.salaryMax)}
          </p>
        </div>
      ) : null}

      {next ? (
        <div className="mt-5">
          <p className="text-sm font-medium">
            {result.percentToNext}% of the way to {next.title}
          </p>
          <div aria-hidden="true" className="mt-2 h-2 rounded-full bg-slate-100 dark:bg-slate-800">
            <div className="h-2 rounded-full bg-blue-600 dark:bg-blue-400" style={{ width: `${result.percentToNext}%` }} />
          </div>
          <p className="mt-4 text-sm font-medium">Still needed</p>
          <ul className="mt-1.5 space-y-1.5 text-sm text-slate-700 dark:text-slate-300">
            {result.missing.map((m) => (
              <li key={m.requirementId} className="flex gap-2">
                <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-amber-500" />
                {m.title}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ol className="mt-5 space-y-1 border-t border-slate-200 pt-4 text-sm dark:border-slate-800" reversed>
        {levels.map((level) => {
          const isNext = level.id === next?.id;
          return (
            <li key={level.id} className="flex items-center gap-2.5">
              <span
                aria-hidden="true"
                className={`inline-flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold ${
                  level.reached
                    ? "bg-blue-700 text-white dark:bg-blue-500 dark:text-slate-950"
                    : isNext
                      ? "ring-2 ring-blue-700 ring-inset dark:ring-blue-400"
                      : "ring-1 ring-slate-300 ring-inset dark:ring-slate-600"
                }`}
              >
                {level.reached ? "✓" : ""}
              </span>
              <span className={level.reached || isNext ? "font-medium" : "text-slate-600 dark:text-slate-400"}>
                {level.title}
              </span>
              <span className="sr-only">{level.reached ? "(reached)" : isNext ? "(next)" : "(not reached)"}</span>
              {isNext ? (
                <span aria-hidden="true" className="ml-auto text-xs font-semibold text-blue-700 dark:text-blue-300">
                  Next
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
