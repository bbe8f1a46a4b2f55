import Link from "next/link";
import { Logo } from "./logo";
import { SiteLinks } from "./site-links";
import { CONTAINER } from "./styles";

// Sized so logo and all three links fit one line on a 375 px phone; "Sign up" stands out.
const NAV_LINK =
  "whitespace-nowrap rounded-md px-1 py-2 font-medium sm:px-2.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";
const SIGN_UP_LINK =
  "whitespace-nowrap rounded-lg bg-blue-700 px-2 py-2 font-semibold sm:px-3.5 text-white shadow-sm hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      {/* Wraps rather than overflows if a wider system font does not fit one line. */}
      <div className={`${CONTAINER} flex min-h-16 flex-wrap items-center justify-between gap-x-2 py-2`}>
        <Link href="/" className="rounded-md" aria-label="Ladder, home">
          <Logo />
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center text-[13px] sm:gap-2 sm:text-sm">
            <SiteLinks
              itemClass={(href) => (href === "/signup" ? "ml-1 sm:ml-2" : undefined)}
              linkClass={(href) => (href === "/signup" ? SIGN_UP_LINK : NAV_LINK)}
            />
          </ul>
        </nav>
      </div>
    </header>
  );
}
