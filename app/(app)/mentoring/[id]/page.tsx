import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentForm } from "@/components/sharing/comment-form";
import { CommentsList } from "@/components/sharing/comments-list";
import { PlanSummary } from "@/components/sharing/plan-summary";
import { ChecklistRows, ReadOnlyChecklist } from "@/components/sharing/read-only-checklist";
import { requirePageUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { formatDate, STATUS_LABELS } from "@/lib/format";
import { getMenteeView } from "@/lib/mentors";
import { ACCESS_LABELS } from "@/lib/mentors/schemas";

export const metadata: Metadata = { title: "A person you mentor" };
export const dynamic = "force-dynamic";

async function loadView(mentorId: string, id: string) {
  try {
    return await getMenteeView(mentorId, id, todayUtc());
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/** One person's plan, read-only, cut to the level they granted; the grant is checked on every load. */
export default async function MenteePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/mentoring/${encodeURIComponent(id)}`);
  const view = await loadView(user.id, id);
  const name = view.name ?? view.email;
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8">
      <p>
        <Link href="/mentoring" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          Back to mentoring
        </Link>
      </p>
      <h1 className="mt-2 break-words text-3xl font-bold tracking-tight">{`${name}'s plan`}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Shared with you at the level {ACCESS_LABELS[view.access]}. Read-only.</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <PlanSummary plan={view.plan} />
        <section aria-labelledby="comment-heading" className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-800">
          <h2 id="comment-heading" className="text-lg font-semibold">
            Leave a comment
          </h2>
          <div className="mt-3">
            <CommentForm menteeId={view.id} items={(view.items ?? []).map((item) => ({ itemId: item.itemId, title: item.title }))} />
          </div>
          {view.comments.length > 0 ? (
            <>
              <h3 className="mt-6 font-semibold">Your comments</h3>
              <div className="mt-2">
                <CommentsList comments={view.comments} />
              </div>
            </>
          ) : null}
        </section>
      </div>
      {view.items ? (
        <ReadOnlyChecklist headingId="checklist-heading" className="mt-8">
          <ChecklistRows className="mt-3">
            {view.items.map((item) => (
              <li key={item.itemId} className="px-3 py-2 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                  <span className="break-words font-medium">{item.title}</span>
                  <span className="text-slate-700 dark:text-slate-300">
                    {STATUS_LABELS[item.status]}
                    {item.completedOn ? ` · done ${formatDate(item.completedOn)}` : ""}
                    {item.expiresOn ? ` · expires ${formatDate(item.expiresOn)}` : ""}
                  </span>
                </div>
                {item.note ? <p className="mt-1 whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">Note: {item.note}</p> : null}
                {item.evidenceUrl ? <p className="mt-1 break-all text-slate-700 dark:text-slate-300">Evidence: {item.evidenceUrl}</p> : null}
              </li>
            ))}
          </ChecklistRows>
        </ReadOnlyChecklist>
      ) : null}
    </main>
  );
}
