"use client";

import dynamic from "next/dynamic";
import { useLayoutEffect, useState } from "react";
import { formatDate, shortDescription, STATUS_LABELS } from "@/lib/format";
import type { ItemStatus } from "@/lib/catalog";
import type { ItemStanding } from "@/lib/ladder/standing";
import type { ChecklistEntry } from "@/lib/progress/checklist";
import type { ProgressItem } from "@/lib/progress/types";
import { StatusControl } from "./status-control";
import { OwnCertificationActions } from "./own-certification-actions";
import { useSetItemProgress } from "./progress-cache";
import { useShowToast } from "./progress-toast";

// Loaded when a person opens an item's details: they carry zod and most of the item's code,
// and the checklist's first load and each status change do without them (docs/decisions/017).
const ItemDetailsForm = dynamic(() => import("./item-details-form").then((m) => m.ItemDetailsForm), { ssr: false, loading: FormLoading });
const VerifyCredentialForm = dynamic(() => import("./verify-credential-form").then((m) => m.VerifyCredentialForm), { ssr: false, loading: FormLoading });

function FormLoading() {
  return <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
}

/** Runs `task` once the browser has painted what the current event changed. */
function afterNextPaint(task: () => void): void {
  let hasRun = false;
  const run = () => {
    if (hasRun) return;
    hasRun = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  // A hidden tab gets no animation frames; the write must not wait for the person to come back.
  setTimeout(run, 100);
}

export type ItemNotice = { tone: "info" | "warning" | "success"; text: string };

const NOTICE_CLASS: Record<ItemNotice["tone"], string> = {
  info: "text-slate-700 dark:text-slate-300",
  success: "text-green-800 dark:text-green-300",
  warning: "rounded-md bg-amber-50 px-2 py-1 font-medium text-amber-950 dark:bg-amber-950/40 dark:text-amber-100",
};

/** Where the issuer's key lives: its domain, or "did:key" for a self-published key that names no domain. */
function issuerProvenance(issuerId: string): string {
  if (issuerId.startsWith("did:key:")) return "did:key";
  if (issuerId.startsWith("did:web:")) return decodeURIComponent(issuerId.slice("did:web:".length).split(/[:#]/)[0] ?? "");
  try {
    return new URL(issuerId).hostname;
  } catch {
    return issuerId.slice(0, 40);
  }
}

function detailsSummary(item: ProgressItem, isCertification: boolean): string {
  const parts: string[] = [];
  if (item.completedOn) parts.push(`${isCertification ? "earned" : "completed"} ${formatDate(item.completedOn)}`);
  if (item.expiresOn) parts.push(`expires ${formatDate(item.expiresOn)}`);
  if (item.note) parts.push("note");
  if (item.evidenceUrl) parts.push("evidence link");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

export function ChecklistItem({
  entry,
  item,
  today,
  standing,
  notices: ruleNotices,
}: {
  entry: ChecklistEntry;
  item: ProgressItem;
  today: string;
  standing?: ItemStanding;
  notices: readonly ItemNotice[];
}) {
  const mutation = useSetItemProgress(entry.id, today);
  const showToast = useShowToast();
  // The clicked status shows at once, drawn by this item alone; the write (the optimistic
  // cache, the ladder recomputed) starts after that paint, and the list, the counts and the
  // ladder card follow in a deferred render (Dashboard). Whatever the cache then holds (the
  // change, or the stored status after a refusal) replaces the pending status.
  const [pendingStatus, setPendingStatus] = useState<ItemStatus | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the item's status or save time changing is what ends the pending state.
  useLayoutEffect(() => setPendingStatus(null), [item.status, item.updatedAt]);
  const setStatus = (status: ItemStatus) => {
    const before = item.status;
    setPendingStatus(status);
    afterNextPaint(() => mutation.mutate({ status }));
    showToast({
      text: `${entry.title}: ${STATUS_LABELS[status]}.`,
      // A normal write, recorded in history like any other.
      undo: () => {
        mutation.mutate({ status: before });
        showToast({ text: `Undone: ${entry.title} is ${STATUS_LABELS[before]} again.` });
      },
    });
  };
  const [isOpen, setIsOpen] = useState(false);
  // About one line of description; the rest opens with the item's details, so a long
  // description costs no Tab stop of its own (the details are one stop for both).
  const description = entry.summary ? shortDescription(entry.summary) : null;
  const isCertification = entry.kind === "certification";
  const failedFrom = mutation.isError ? mutation.variables?.status : undefined;
  // Met through other items (a degree, a certification): shown as met, not as "To do".
  const isMetThroughOthers = Boolean(standing?.isMet && standing.metBy.length > 0);
  const notices: ItemNotice[] = [...ruleNotices];
  if (isMetThroughOthers && standing) notices.unshift({ tone: "success", text: `Met through ${standing.metBy.join(", ")}.` });
  if (standing?.notCountedBecause) notices.unshift({ tone: "warning", text: standing.notCountedBecause });
  if (item.status === "todo" && (item.completedOn || item.expiresOn)) {
    notices.push({ tone: "info", text: `Back to To do; your dates are kept${detailsSummary({ ...item, note: null, evidenceUrl: null }, isCertification)}.` });
  }

  return (
    <li id={`item-${entry.id}`} tabIndex={-1} className="scroll-mt-4 py-4">
      <div className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between md:gap-4">
        <div className="min-w-0">
          {/* One text node, not two: adjacent texts cost the server a separator each (docs/decisions/025). */}
          <h3 className="font-medium">
            {entry.order ? `${entry.order}. ${entry.title}` : entry.title}
            {entry.isCustom ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700 dark:bg-slate-800 dark:text-slate-300">added by you</span> : null}
          </h3>
          {entry.issuer ? <p className="text-sm text-slate-700 dark:text-slate-300">Issued by {entry.issuer}</p> : null}
          {entry.isCustom ? <OwnCertificationActions id={entry.id} title={entry.title} issuer={entry.issuer ?? ""} /> : null}
          {item.verification ? (
            <p className="mt-1 inline-block rounded bg-green-50 px-1.5 py-0.5 text-sm font-medium text-green-800 dark:bg-green-950/40 dark:text-green-200" title={item.verification.issuerId}>
              <span aria-hidden="true">✓ </span>Verified by {item.verification.issuer} ({issuerProvenance(item.verification.issuerId)}) on{" "}
              {formatDate(item.verification.verifiedAt.slice(0, 10))}
            </p>
          ) : null}
          {description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description.short}</p> : null}
          {item.evidenceUrl ? (
            <p className="mt-1 text-sm">
              <a href={item.evidenceUrl} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                Evidence<span className="sr-only"> for {entry.title}</span> (opens in a new tab)
              </a>
            </p>
          ) : null}
        </div>
        {isMetThroughOthers ? (
          <p className="status-met shrink-0 self-start">
            <span aria-hidden="true">✓ </span>Met
          </p>
        ) : (
          <StatusControl itemId={entry.id} title={entry.title} status={pendingStatus ?? item.status} onChange={setStatus} />
        )}
      </div>
      {notices.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {notices.map((notice) => (
            <li key={notice.text} className={NOTICE_CLASS[notice.tone]}>
              {notice.text}
            </li>
          ))}
        </ul>
      ) : null}
      {mutation.isError ? (
        <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200">
          Not saved{failedFrom ? ` ("${STATUS_LABELS[failedFrom]}")` : ""}: {mutation.error.message} The item shows what is stored.
        </p>
      ) : null}
      <details className="mt-2" open={isOpen} onToggle={(e) => setIsOpen(e.currentTarget.open)}>
        <summary className="flex min-h-11 cursor-pointer items-center text-sm text-blue-700 sm:min-h-0 sm:list-item underline underline-offset-2 dark:text-blue-300">
          {`${description?.hasMore ? "Full description, dates, note and evidence" : "Dates, note and evidence"}${detailsSummary(item, isCertification)}`}
        </summary>
        {isOpen && description?.hasMore ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{entry.summary}</p> : null}
        {isOpen ? (
          <ItemDetailsForm
            // A verification rewrites the dates: start the form again from the stored row.
            key={item.verification?.verifiedAt ?? "unverified"}
            item={item}
            isCertification={isCertification}
            save={(update, callbacks) => mutation.mutate(update, callbacks)}
          />
        ) : null}
        {isOpen && isCertification ? <VerifyCredentialForm itemId={entry.id} /> : null}
      </details>
    </li>
  );
}
