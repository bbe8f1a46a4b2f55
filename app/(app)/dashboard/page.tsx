import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

// PLACEHOLDER from the accounts branch, only so that sign-in has somewhere to land; the real
// dashboard replaces this file.
export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-bold tracking-tight">Welcome, {user.name ?? user.email}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Your dashboard is on its way.</p>
    </main>
  );
}
