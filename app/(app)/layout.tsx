import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/auth/nav-links";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { QueryProvider } from "@/components/providers/query-provider";

// The shell of every signed-in page. It does not check the session itself: each page calls
// requirePageUser(), and each API route requireUser(), where the data is read.
// Pages render their own <main id="main"> (the skip link's target).
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
          <Link href="/dashboard" className="text-lg font-bold text-slate-900 dark:text-slate-100">
            Ladder
          </Link>
          <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
            <NavLinks />
            <li>
              <SignOutButton className="inline-flex min-h-11 items-center rounded-md px-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-70 dark:text-slate-200 dark:hover:bg-slate-800" />
            </li>
          </ul>
        </nav>
      </header>
      {children}
    </QueryProvider>
  );
}
