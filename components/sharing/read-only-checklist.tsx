import type { ReactNode } from "react";

/** The "Checklist" section of a plan someone shared: read-only rows, grouped as the caller likes. */
export function ReadOnlyChecklist({ headingId, className, children }: { headingId: string; className: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId} className="text-xl font-semibold">
        Checklist
      </h2>
      {children}
    </section>
  );
}

/** One bordered list of checklist rows. */
export function ChecklistRows({ className, children }: { className: string; children: ReactNode }) {
  return <ul className={`${className} divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800`}>{children}</ul>;
}
