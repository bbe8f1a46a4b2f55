import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PlanSummary } from "@/components/sharing/plan-summary";
import { ChecklistRows, ReadOnlyChecklist } from "@/components/sharing/read-only-checklist";
import { CONTAINER } from "@/components/marketing/styles";
import { todayUtc } from "@/lib/clock";
import { STATUS_LABELS } from "@/lib/format";
import { appOrigin } from "@/lib/mail/links";
import { getSharedPlan } from "@/lib/share";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// The metadata and the page of one request share one lookup.
const loadPlan = cache((token: string) => getSharedPlan(token, todayUtc()));

const titleFor = (name: string | null) => (name ? `${name}'s career plan` : "A shared career plan");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const plan = await loadPlan(token);
  const robots = { index: false, follow: false };
  if (!plan) return { title: "Not found", robots, referrer: "no-referrer" };
  const title = titleFor(plan.name);
  const description = plan.current ? `${plan.current.title} on the Machine Learning Engineer ladder.` : "On the way to the Machine Learning Engineer ladder.";
  const image = `${appOrigin(await headers())}/share/${token}/image`;
  return {
    title,
    description,
    robots,
    referrer: "no-referrer",
    openGraph: { title, description, images: [{ url: image, width: 1200, height: 630, alt: title }] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

/** The public page a person turned on. Shows nothing private; 404 once the link is revoked. */
export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const plan = await loadPlan(token);
  if (!plan) notFound();
  return (
    <main id="main" className={`${CONTAINER} py-10`}>
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">Shared from Ladder</p>
      <h1 className="mt-1 break-words text-3xl font-bold tracking-tight">{titleFor(plan.name)}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Progress on the Machine Learning Engineer career ladder.</p>
      <div className="mt-6 max-w-3xl">
        <PlanSummary plan={plan} />
      </div>
      {plan.checklist ? (
        <ReadOnlyChecklist headingId="shared-checklist" className="mt-6 max-w-3xl">
          {plan.checklist.map((section) => (
            <div key={section.section} className="mt-4">
              <h3 className="font-semibold">{section.section}</h3>
              <ChecklistRows className="mt-2">
                {section.items.map((item, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list; two own certifications may share a title
                  <li key={`${index}-${item.title}`} className="flex flex-wrap items-baseline justify-between gap-x-4 px-3 py-2 text-sm">
                    <span className="break-words">{item.title}</span>
                    <span className="font-medium text-slate-700 dark:text-slate-300">{STATUS_LABELS[item.status]}</span>
                  </li>
                ))}
              </ChecklistRows>
            </div>
          ))}
        </ReadOnlyChecklist>
      ) : null}
    </main>
  );
}
