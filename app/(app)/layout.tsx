import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/auth/nav-links";
import { NAV_ITEM } from "@/components/auth/nav-styles";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/marketing/logo";
import { QueryProvider } from "@/components/providers/query-provider";

// The shell of every signed-in page. It does not check the session itself: each page calls
// requirePageUser(), and each API route requireUser(), where the data is read.
// Pages render their own <main id="main"> (the skip link's target).
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <header className="border-b border-slate-200 dark:border-slate-800">
        {/* Sized so the logo, the three links and Sign out fit one line on a 375 px phone; it
            wraps rather than overflows if a wider system font does not fit. */}
        <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-4 py-1">
          <Link href="/dashboard" className="flex min-h-11 min-w-11 items-center justify-center rounded-md sm:justify-start" aria-label="Ladder, your dashboard">
            <Logo isCompactOnPhone />
          </Link>
          <ul className="flex flex-wrap items-center text-[13px] sm:gap-1 sm:text-base">
            <NavLinks />
            <li>
              <SignOutButton className={`${NAV_ITEM} disabled:opacity-70`} />
            </li>
          </ul>
        </nav>
      </header>
      {children}
    </QueryProvider>
  );
}
