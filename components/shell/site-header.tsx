import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "./account-menu";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";
import { SiteLinks } from "./site-links";
import { SHELL_WIDTH } from "./styles";

const PUBLIC_LINK =
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-1.5 font-medium sm:px-2.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";
const SIGN_UP_LINK =
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-lg bg-blue-700 px-2.5 font-semibold sm:px-3.5 text-white shadow-sm hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500";

/**
 * The one header of every page (public, sign-in, app, 404), at the same width. Signed in it
 * shows the app's navigation and the account menu; signed out, the public links.
 */
export function SiteHeader({ user, signOut }: { user: { name: string | null } | null; signOut: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      {/* On a phone the links take a second row rather than overflowing the width. */}
      <div className={`${SHELL_WIDTH} flex flex-wrap items-center justify-between gap-x-2 py-1`}>
        <Link href={user ? "/dashboard" : "/"} className="flex min-h-11 min-w-11 items-center rounded-md" aria-label={user ? "Ladder, your dashboard" : "Ladder, home"}>
          <Logo />
        </Link>
        {user ? (
          <>
            <div className="sm:order-last">
              <AccountMenu label={user.name?.trim() || "Account"} signOut={signOut} />
            </div>
            <nav aria-label="Main" className="w-full sm:w-auto">
              <ul className="flex flex-wrap items-center text-sm sm:gap-1 sm:text-base">
                <NavLinks />
              </ul>
            </nav>
          </>
        ) : (
          <nav aria-label="Main">
            <ul className="flex items-center text-sm sm:gap-2">
              <SiteLinks
                itemClass={(href) => (href === "/signup" ? "ml-1 sm:ml-2" : undefined)}
                linkClass={(href) => (href === "/signup" ? SIGN_UP_LINK : PUBLIC_LINK)}
              />
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
