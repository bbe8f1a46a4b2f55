import type { Metadata } from "next";
import Link from "next/link";
import { DoneChart } from "@/components/history/done-chart";
import { HistoryTimeline } from "@/components/history/history-timeline";
import { requirePageUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { getHistoryOverview } from "@/lib/history";
import { getPlanLine } from "@/lib/plan";

export const metadata: Metadata = { title: "History" };
export const dynamic = "force-dynamic";

export default async function HistoryPage() {
  const user = await requirePageUser("/history");
  const [{ page, doneOverTime, total }, planLine] = await Promise.all([getHistoryOverview(user.id), getPlanLine(user.id)]);
  const latestDone = doneOverTime[doneOverTime.length - 1]?.done ?? 0;
  const plan = planLine
    ? { today: todayUtc(), date: planLine.targetDate, done: latestDone + planLine.itemsNeeded, rungTitle: planLine.rungTitle }
    : undefined;
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your history</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Every change you made to your checklist.{" "}
        <Link href="/dashboard" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          Back to the dashboard
        </Link>
      </p>
      <section aria-labelledby="chart-title" className="mt-6 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="chart-title" className="text-xl font-semibold">
          Items done over time
        </h2>
        <div className="mt-3">
          <DoneChart points={doneOverTime} total={total} plan={plan} />
        </div>
      </section>
      <section aria-labelledby="timeline-title" className="mt-6">
        <h2 id="timeline-title" className="text-xl font-semibold">
          Timeline
        </h2>
        <HistoryTimeline initial={page} />
      </section>
    </main>
  );
}
