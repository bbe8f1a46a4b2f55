import type { Metadata } from "next";
import { BarChart } from "@/components/charts/bar-chart";
import { MenteeTable } from "@/components/sharing/mentee-table";
import { requirePageUser } from "@/lib/auth/session";
import { ASPIRING_TITLE, CATALOG } from "@/lib/catalog";
import { todayUtc } from "@/lib/clock";
import { listMentees } from "@/lib/mentors";

export const metadata: Metadata = { title: "Mentoring" };
export const dynamic = "force-dynamic";

/** The mentor's (or team lead's) side: the people who shared their plan with them. */
export default async function MentoringPage() {
  const user = await requirePageUser("/mentoring");
  const mentees = await listMentees(user.id, todayUtc());
  const rungs = [{ id: null, title: ASPIRING_TITLE }, ...CATALOG.ladder.map((level) => ({ id: level.id, title: level.shortTitle }))];
  const chartRows = rungs.map((rung) => {
    const count = mentees.filter((m) => m.rungId === rung.id).length;
    return { id: rung.id ?? "aspiring", label: rung.title, value: count, valueLabel: `${count} ${count === 1 ? "person" : "people"}` };
  });
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Mentoring</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        The people who invited you to follow their plan. You see what each of them chose to share; you can comment, never change their
        checklist.
      </p>
      {mentees.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          No one has shared their plan with you yet. When someone invites you, open their invitation link while signed in.
        </p>
      ) : (
        <div className="mt-6 space-y-8">
          <section aria-labelledby="mentees-heading">
            <h2 id="mentees-heading" className="text-xl font-semibold">
              Your people
            </h2>
            <div className="mt-3">
              <MenteeTable rows={mentees} rungIds={CATALOG.ladder.map((level) => level.id)} />
            </div>
          </section>
          <section aria-labelledby="rungs-heading">
            <h2 id="rungs-heading" className="text-xl font-semibold">
              How many are on each rung
            </h2>
            <div className="mt-3 max-w-xl">
              <BarChart
                id="mentees-per-rung"
                title="People per rung"
                description={chartRows.map((row) => `${row.label}: ${row.valueLabel}`).join("; ")}
                rows={chartRows}
                max={Math.max(1, mentees.length)}
                columns={["Rung", "People"]}
              />
            </div>
          </section>
        </div>
      )}
    </main>
  );
}
