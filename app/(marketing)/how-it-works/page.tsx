import type { Metadata } from "next";
import Link from "next/link";
import { VisitorStartLinks } from "../../site-header";
import { NumberBadge } from "@/components/marketing/section";
import { CARD, CONTAINER, TEXT_LINK } from "@/components/marketing/styles";
import { buttonStyles } from "@/components/ui/button";
import { CATALOG, formatSalaryBand, type ItemKind } from "@/lib/catalog";
import { describeRules } from "@/lib/ladder";

export const metadata: Metadata = {
  title: "How your level is computed",
  description:
    "The exact rules Ladder uses to place you on the Machine Learning Engineer ladder: every rung, its salary band and what it requires.",
};

const KIND_LABEL: Partial<Record<ItemKind, string>> = {
  step: "Step",
  education: "Education",
  certification: "Certification",
  skill: "Skill",
};

/**
 * Generated from describeRules(CATALOG), the same rule data evaluateLadder reads, so this
 * page and the level a person is shown cannot disagree. No rule text is written here.
 */
export default function HowItWorksPage() {
  const rules = describeRules(CATALOG);
  const titleOf = new Map(rules.rungs.map((rung) => [rung.id, rung.title]));

  return (
    <main id="main">
      <div className="border-b border-slate-200 bg-gradient-to-b from-blue-50 to-white dark:border-slate-800 dark:from-blue-950/40 dark:to-slate-950">
        <div className={`${CONTAINER} py-14 sm:py-16`}>
          <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">How levels work</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">How your level is computed</h1>
          <p className="mt-4 max-w-2xl text-lg leading-8 text-slate-700 dark:text-slate-300">
            Ladder places you on a rung from what you have marked done. This page is generated from the same rules
            that compute your level, so what you read here is exactly what is applied.
          </p>
        </div>
      </div>

      <div className={`${CONTAINER} grid gap-10 py-12 lg:grid-cols-[17rem_1fr] lg:gap-12`}>
        <aside className="lg:sticky lg:top-6 lg:self-start">
          <nav aria-labelledby="rungs-nav-heading" className={`${CARD} p-5`}>
            <h2 id="rungs-nav-heading" className="text-sm font-semibold text-slate-600 dark:text-slate-400">
              The rungs
            </h2>
            <ol className="mt-3 space-y-1 text-sm">
              {rules.rungs.map((rung, i) => (
                <li key={rung.id}>
                  <a
                    href={`#${rung.id}`}
                    className="flex min-h-11 items-center gap-2 rounded-md px-2 py-1.5 font-medium text-slate-800 hover:bg-slate-100 sm:min-h-0 dark:text-slate-200 dark:hover:bg-slate-800"
                  >
                    <span className="w-4 text-right tabular-nums text-slate-500 dark:text-slate-400">{i + 1}</span>
                    {rung.shortTitle}
                  </a>
                </li>
              ))}
            </ol>
            <p className="mt-4 border-t border-slate-200 pt-4 text-xs leading-5 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              Before {rules.rungs[0]?.shortTitle ?? "the first rung"} you are {rules.startTitle}. Overall progress counts{" "}
              {rules.totalRequirements} requirements.
            </p>
          </nav>
        </aside>

        <div className="min-w-0 space-y-10">
          <section aria-labelledby="rules-heading" className={`${CARD} p-5 sm:p-6`}>
            <h2 id="rules-heading" className="text-lg font-semibold">
              The rules in brief
            </h2>
            <ul className="mt-4 space-y-3">
              {rules.notes.map((note) => (
                <li key={note} className="flex gap-3 text-sm leading-6 text-slate-700 dark:text-slate-300">
                  <span aria-hidden="true" className="mt-2.5 size-1.5 shrink-0 rounded-full bg-blue-600 dark:bg-blue-400" />
                  {note}
                </li>
              ))}
            </ul>
          </section>

          <ol className="space-y-6">
            {rules.rungs.map((rung, i) => (
              <li key={rung.id}>
                <section id={rung.id} aria-labelledby={`${rung.id}-heading`} className={`${CARD} scroll-mt-6 overflow-hidden`}>
                  <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 border-b border-slate-200 bg-slate-50 px-5 py-4 sm:px-6 dark:border-slate-800 dark:bg-slate-800/40">
                    <div className="flex items-center gap-3">
                      <NumberBadge n={i + 1} />
                      <h2 id={`${rung.id}-heading`} className="text-lg font-semibold leading-snug">
                        {rung.title}
                      </h2>
                    </div>
                    <p className="text-sm font-semibold tabular-nums text-blue-800 sm:pt-1 dark:text-blue-200">
                      <span className="sr-only">Salary band: </span>
                      {formatSalaryBand(rung.salaryMin, rung.salaryMax)}
                    </p>
                  </div>
                  <div className="px-5 py-5 sm:px-6">
                    <p className="text-sm leading-6 text-slate-700 dark:text-slate-300">{rung.text}</p>
                    <ul className="mt-5 space-y-4">
                      {rung.requirements.map((requirement) => (
                        <li key={requirement.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
                          <h3 className="font-semibold leading-snug">{requirement.title}</h3>
                          <p className="mt-1.5 text-sm leading-6 text-slate-600 dark:text-slate-400">{requirement.text}</p>
                          <p className="mt-3 text-xs font-semibold text-slate-600 dark:text-slate-400">
                            {requirement.kind === "allOf"
                              ? "Needs all of these"
                              : requirement.items.length === 1
                                ? "Counts when done"
                                : "Any one of these counts"}
                          </p>
                          <ul className="mt-2 flex flex-wrap gap-2">
                            {requirement.items.map((item) => (
                              <li
                                key={item.id}
                                className="inline-flex items-center gap-1.5 rounded-md bg-slate-100 px-2 py-1 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200"
                              >
                                <span className="font-semibold text-slate-600 dark:text-slate-400">
                                  {KIND_LABEL[item.kind] ?? item.kind}
                                  <span className="sr-only">:</span>
                                </span>
                                <span>{item.title}</span>
                              </li>
                            ))}
                          </ul>
                          {requirement.sharedWithLevelIds.length > 0 ? (
                            <p className="mt-3 text-xs leading-5 text-slate-600 dark:text-slate-400">
                              Also required for{" "}
                              {requirement.sharedWithLevelIds.map((id) => titleOf.get(id) ?? id).join(", ")}; it counts
                              once in overall progress.
                            </p>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                </section>
              </li>
            ))}
          </ol>

          <div className="flex flex-col gap-4 rounded-2xl bg-slate-50 p-6 sm:flex-row sm:items-center sm:justify-between dark:bg-slate-900/60">
            <p className="text-sm leading-6 text-slate-700 dark:text-slate-300">
              Salary bands as the article gives them, sourced from Talent.com.{" "}
              <Link href="/" className={TEXT_LINK}>
                Back to the career overview
              </Link>
            </p>
            <VisitorStartLinks primaryClass={`${buttonStyles.primary} shrink-0`} signUpLabel="Track your progress" />
          </div>
        </div>
      </div>
    </main>
  );
}
