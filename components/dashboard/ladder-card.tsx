"use client";

import { ASPIRING_TITLE, type Catalog, getCatalogItem } from "@/lib/catalog";
import { formatDate, formatSalaryBand } from "@/lib/format";
import type { LadderEvaluation } from "@/lib/ladder";
import type { ProgressItem, ProgressSummary } from "@/lib/progress/types";
import { ProgressBar } from "@/components/ui/progress-bar";

type Props = {
  ladder: LadderEvaluation;
  catalog: Catalog;
  items: readonly ProgressItem[];
  summary: ProgressSummary;
};

function titleOf(catalog: Catalog, id: string): string {
  return getCatalogItem(id, catalog)?.item.title ?? id;
}

export function LadderCard({ ladder, catalog, items, summary }: Props) {
  const { current, next, missing, expiredCertifications, expiringSoon } = ladder;
  const expiresOn = (id: string) => items.find((i) => i.itemId === id)?.expiresOn ?? null;
  const requirementKind = (id: string) => catalog.ladder.flatMap((l) => l.requirements).find((r) => r.id === id)?.kind;

  return (
    <section aria-labelledby="ladder-card-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="ladder-card-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Your position on the ladder
      </h2>
      <div aria-live="polite" aria-atomic="true" className="mt-2">
        <p className="text-2xl font-bold">
          <span className="sr-only">You are </span>
          {current?.title ?? ASPIRING_TITLE}
        </p>
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          {current ? (
            <>
              Salary band: <span className="font-semibold">{formatSalaryBand(current.salaryMin, current.salaryMax)}</span>
            </>
          ) : (
            "You are not on the ladder yet: the first rung is Junior Machine Learning Engineer."
          )}
        </p>
      </div>

      {expiredCertifications.length > 0 ? (
        <div className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-semibold">Why your position dropped</p>
          <ul className="mt-1 list-disc pl-5">
            {expiredCertifications.map((id) => {
              const date = expiresOn(id);
              return (
                <li key={id}>
                  <a href={`#item-${id}`} className="underline">
                    {titleOf(catalog, id)}
                  </a>{" "}
                  expired{date ? ` on ${formatDate(date)}` : ""} and no longer counts. Renew it and enter the new expiry date.
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {next ? (
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h3 className="font-semibold">
            Next rung: {next.title}
            <span className="block text-sm font-normal text-slate-700 dark:text-slate-300">
              Salary band: {formatSalaryBand(next.salaryMin, next.salaryMax)}
            </span>
          </h3>
          <div className="mt-3">
            <ProgressBar value={ladder.percentToNext} label={`Requirements met for ${next.shortTitle}`} size="lg" />
          </div>
          {missing.length > 0 ? (
            <div className="mt-3">
              <p className="text-sm font-medium">Still missing:</p>
              <ul className="mt-1 space-y-2 text-sm">
                {missing.map((m) => {
                  const isAll = requirementKind(m.requirementId) === "allOf";
                  const lead = m.itemIds.length === 1 ? ": " : isAll ? ": still to do " : ": any one of ";
                  return (
                    <li key={m.requirementId}>
                      <span className="font-medium">{m.title}</span>
                      <span className="text-slate-700 dark:text-slate-300">{lead}</span>
                      {m.itemIds.map((id, i) => (
                        <span key={id}>
                          {i > 0 ? (isAll ? ", " : " · ") : null}
                          <a href={`#item-${id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                            {titleOf(catalog, id)}
                          </a>
                        </span>
                      ))}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">You have reached the top of the ladder.</p>
      )}

      {expiringSoon.length > 0 ? (
        <ul className="mt-4 space-y-1 text-sm text-amber-950 dark:text-amber-100">
          {expiringSoon.map((soon) => (
            <li key={soon.itemId} className="rounded-md bg-amber-50 px-3 py-2 dark:bg-amber-950/40">
              <a href={`#item-${soon.itemId}`} className="font-medium underline">
                {titleOf(catalog, soon.itemId)}
              </a>
              : renew by {formatDate(soon.expiresOn)} ({soon.daysLeft === 1 ? "1 day" : `${soon.daysLeft} days`} left).
            </li>
          ))}
        </ul>
      ) : null}

      <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
        <ProgressBar value={ladder.overallPercent} label="Overall progress to Director of Machine Learning" />
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {summary.done} of {summary.total} checklist items done
          {summary.inProgress > 0 ? `, ${summary.inProgress} in progress` : ""}
          {summary.skipped > 0 ? `, ${summary.skipped} skipped` : ""}.
        </p>
      </div>
    </section>
  );
}
