import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Dashboard } from "@/components/dashboard/dashboard";
import { PlanCard } from "@/components/plan/plan-card";
import { MentorComments } from "@/components/sharing/mentor-comments";
import { requirePageUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { getDashboardData } from "@/lib/progress";
import { toDashboardText } from "@/lib/progress/dashboard-text";
import { FIRST_VISIT_SKIPPED_COOKIE } from "@/lib/progress/schemas";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

// Three queries in all: the session lookup and getDashboardData's two
// (tests/integration/dashboard-queries.test.ts).
export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const data = await getDashboardData(user.id, todayUtc(), user.trackId);
  // The first-visit step: for a person who has saved nothing yet and did not skip it.
  const hasSkipped = (await cookies()).get(FIRST_VISIT_SKIPPED_COOKIE)?.value === user.id;
  const isFirstVisit = !hasSkipped && data.items.length === 0 && data.customCertifications.length === 0;
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      {/* First in the page's content: the checklist is what most visits come for. */}
      <a href="#checklist" className="sr-only focus:not-sr-only focus:mb-2 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded focus:bg-blue-700 focus:px-3 focus:text-white">
        Skip to checklist
      </a>
      <h1 className="text-3xl font-bold tracking-tight">{user.name ? `${user.name}'s dashboard` : "Your dashboard"}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Where you stand on the Machine Learning Engineer ladder and what to do next.
      </p>
      <div className="mt-6">
        <Dashboard initialText={toDashboardText(data)} plan={<PlanCard />} firstVisitFor={isFirstVisit ? user.id : null} />
      </div>
      <div className="mt-6 empty:hidden">
        <MentorComments />
      </div>
    </main>
  );
}
