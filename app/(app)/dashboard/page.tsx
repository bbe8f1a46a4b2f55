import type { Metadata } from "next";
import Link from "next/link";
import { Dashboard } from "@/components/dashboard/dashboard";
import { PlanCard } from "@/components/plan/plan-card";
import { MentorComments } from "@/components/sharing/mentor-comments";
import { requirePageUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { getDashboardData } from "@/lib/progress";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

// Three queries in all: the session lookup and getDashboardData's two
// (tests/integration/dashboard-queries.test.ts).
export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const data = await getDashboardData(user.id, todayUtc(), user.trackId);
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{user.name ? `${user.name}'s dashboard` : "Your dashboard"}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Where you stand on the Machine Learning Engineer ladder and what to do next.{" "}
        <Link href="/history" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          Your history
        </Link>
      </p>
      <div className="mt-6">
        <Dashboard initial={data} plan={<PlanCard />} />
      </div>
      <div className="mt-6 empty:hidden">
        <MentorComments />
      </div>
    </main>
  );
}
