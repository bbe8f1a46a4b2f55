import type { Metadata } from "next";
import Link from "next/link";
import { LadderDiagram } from "@/components/ladder/ladder-diagram";
import { requirePageUser } from "@/lib/auth/session";
import { ASPIRING_TITLE, getCatalogItem } from "@/lib/catalog";
import { todayUtc } from "@/lib/clock";
import { formatSalaryBand } from "@/lib/format";
import { getLadderOverview } from "@/lib/progress";

export const metadata: Metadata = { title: "Your ladder" };
export const dynamic = "force-dynamic";

export default async function LadderPage() {
  const user = await requirePageUser("/ladder");
  const { position, catalog } = await getLadderOverview(user.id, todayUtc());
  const titleOf = (id: string) => getCatalogItem(id, catalog)?.item.title ?? id;
  const isAllOf = (requirementId: string) => catalog.ladder.some((l) => l.requirements.some((r) => r.id === requirementId && r.kind === "allOf"));
  const topDown = [...position.levels].reverse();

  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your ladder</h1>
      <p className="mt-2 text-lg">
        You are <span className="font-semibold">{position.current?.title ?? ASPIRING_TITLE}</span>.
      </p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{position.explanation}</p>
      {position.current ? (
        <p className="mt-2 text-sm">
          <a href="/api/credentials/position" download="ladder-position.json" className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">
            Download your position as a signed credential
          </a>{" "}
          (Open Badges 3.0; anyone can check it at <a href="/verify" className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">/verify</a>)
        </p>
      ) : null}

      <div className="mt-6 grid gap-8 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div>
          <LadderDiagram levels={position.levels} current={position.current} />
        </div>
        <section aria-labelledby="rungs-title">
          <h2 id="rungs-title" className="text-xl font-semibold">
            The rungs, top to bottom
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Salary bands as the article gives them (sourced there from Talent.com). Each rung needs the one below it.
          </p>
          <ol className="mt-3 space-y-4">
            {topDown.map((level) => {
              const isHere = position.current?.id === level.id;
              return (
                <li
                  key={level.id}
                  className={`rounded-xl border p-4 ${isHere ? "border-blue-700 dark:border-blue-300" : "border-slate-200 dark:border-slate-800"}`}
                >
                  <h3 className="font-semibold">
                    {level.title}
                    {isHere ? (
                      <span className="ml-2 whitespace-nowrap rounded-full bg-blue-700 px-2 py-0.5 text-xs font-bold text-white dark:bg-blue-300 dark:text-slate-950">You are here</span>
                    ) : null}
                  </h3>
                  <p className="text-sm text-slate-700 dark:text-slate-300">
                    {formatSalaryBand(level.salaryMin, level.salaryMax)} · {level.reached ? "Reached" : "Not reached yet"}
                  </p>
                  <ul className="mt-2 space-y-1 text-sm">
                    {level.requirements.map((r) => (
                      <li key={r.id} className="flex gap-2">
                        <span aria-hidden="true" className={r.met ? "text-green-700 dark:text-green-400" : "text-slate-500 dark:text-slate-400"}>
                          {r.met ? "✓" : "○"}
                        </span>
                        <span>
                          <span className="sr-only">{r.met ? "Met: " : "Missing: "}</span>
                          {r.title}
                          {r.met ? null : (
                            <span className="block text-slate-600 dark:text-slate-400">
                              {r.itemIds.length === 1 ? "Mark done:" : isAllOf(r.id) ? "All of:" : "Any one of:"}{" "}
                              {r.itemIds.map((id, i) => (
                                <span key={id}>
                                  {i > 0 ? " · " : null}
                                  <Link href={`/dashboard#item-${id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                                    {titleOf(id)}
                                  </Link>
                                </span>
                              ))}
                            </span>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </main>
  );
}
