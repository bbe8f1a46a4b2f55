import { Logo } from "./logo";
import { SiteLinks } from "./site-links";
import { SHELL_WIDTH } from "./styles";

const FOOTER_LINK = "inline-flex min-h-11 items-center rounded text-slate-700 hover:text-slate-900 hover:underline dark:text-slate-300 dark:hover:text-white";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/40">
      <div className={`${SHELL_WIDTH} grid gap-8 py-10 sm:grid-cols-[1fr_auto]`}>
        <div className="max-w-xl space-y-3">
          <Logo />
          <p className="text-sm leading-6 text-slate-600 dark:text-slate-400">
            Career content from the article &ldquo;Machine Learning Engineer Career Path&rdquo;, reproduced as it
            states it. Salary brackets are the article&rsquo;s, which it says are sourced from Talent.com.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-6 text-sm sm:flex-col">
            <SiteLinks linkClass={() => FOOTER_LINK} />
          </ul>
        </nav>
      </div>
    </footer>
  );
}
