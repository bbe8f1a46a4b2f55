import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";

/**
 * The 404 page's content: what happened and the way back. The layout around it gives the
 * header (and on public pages the footer); the session lookup is the header's, cached per request.
 */
export async function NotFoundContent() {
  const user = await getSessionUser();
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist.</h1>
      <p className="mt-3 max-w-xl text-slate-700 dark:text-slate-300">The address may be mistyped, or the page has moved. Nothing of yours is lost.</p>
      <div className="mt-8 flex flex-wrap gap-3">
        {user ? (
          <Link href="/dashboard" className={buttonStyles.primary}>
            Go to your dashboard
          </Link>
        ) : (
          <Link href="/" className={buttonStyles.primary}>
            Go to the home page
          </Link>
        )}
        <Link href="/how-it-works" className={buttonStyles.secondary}>
          How levels work
        </Link>
      </div>
    </main>
  );
}
