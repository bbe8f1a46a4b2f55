import type { ReactNode } from "react";
import { CONTAINER } from "./styles";

type Props = {
  id: string;
  eyebrow: string;
  title: string;
  intro?: ReactNode;
  /** Alternate sections sit on a tinted band so long pages read as distinct parts. */
  isTinted?: boolean;
  children: ReactNode;
};

export function Section({ id, eyebrow, title, intro, isTinted = false, children }: Props) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className={`scroll-mt-4 py-16 sm:py-20 ${isTinted ? "bg-slate-50 dark:bg-slate-900/40" : ""}`}
    >
      <div className={CONTAINER}>
        <div className="max-w-3xl">
          <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">{eyebrow}</p>
          <h2 id={`${id}-heading`} className="mt-2 text-2xl font-bold tracking-tight text-balance sm:text-3xl">
            {title}
          </h2>
          {intro ? (
            <div className="mt-4 space-y-3 text-base leading-7 text-slate-600 dark:text-slate-300">{intro}</div>
          ) : null}
        </div>
        <div className="mt-10">{children}</div>
      </div>
    </section>
  );
}

/** A small numbered disc, for ordered lists of rungs and steps. */
export function NumberBadge({ n }: { n: number }) {
  return (
    <span
      aria-hidden="true"
      className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-blue-50 text-sm font-semibold tabular-nums text-blue-800 ring-1 ring-blue-200 ring-inset dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-800"
    >
      {n}
    </span>
  );
}
