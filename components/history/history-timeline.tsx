"use client";

import { useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { CATALOG } from "@/lib/catalog";
import { formatDate, formatDateTime, STATUS_LABELS } from "@/lib/format";
import type { HistoryEvent, HistoryPage } from "@/lib/history/types";

const FIELD_NAMES = { completedOn: "Completed on", expiresOn: "Expires on", note: "Note", evidenceUrl: "Evidence link", targetOn: "Target date" } as const;

function describeChange(field: keyof typeof FIELD_NAMES, before: string | null, after: string | null): string {
  const name = FIELD_NAMES[field];
  const show = (v: string) => (field === "completedOn" || field === "expiresOn" || field === "targetOn" ? formatDate(v) : field === "note" ? "a note" : v);
  if (before === null && after !== null) return field === "note" ? "Note added" : `${name} set to ${show(after)}`;
  if (after === null) return `${name} removed`;
  return field === "note" ? "Note changed" : `${name} changed to ${show(after)}`;
}

function rungTitle(id: string | null): string {
  return CATALOG.ladder.find((level) => level.id === id)?.title ?? "below the first rung";
}

function describeRungChange([before, after]: [string | null, string | null]): string {
  const order = (id: string | null) => CATALOG.ladder.findIndex((level) => level.id === id);
  return order(after) > order(before) ? `Reached ${rungTitle(after)}` : `Moved down to ${rungTitle(after)} (from ${rungTitle(before)})`;
}

function EventRow({ event }: { event: HistoryEvent }) {
  const statusChange = event.changes.status;
  // An own certification's removal is stored as {"title": [title, null]}.
  const removed = (event.changes as { title?: unknown }).title !== undefined;
  // A rung change is stored as {"rung": [before, after]} (rung ids, null below the first).
  const rung = (event.changes as { rung?: [string | null, string | null] }).rung;
  const other = (Object.keys(FIELD_NAMES) as (keyof typeof FIELD_NAMES)[]).flatMap((field) => {
    const change = event.changes[field];
    return change ? [describeChange(field, change[0], change[1])] : [];
  });
  return (
    <li className="relative border-l-2 border-slate-300 pb-5 pl-5 dark:border-slate-700">
      <span aria-hidden="true" className="absolute top-1.5 -left-[7px] h-3 w-3 rounded-full bg-blue-700 dark:bg-blue-300" />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
      </p>
      <p className="font-medium">{event.itemTitle}</p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {rung
          ? describeRungChange(rung)
          : removed
          ? "Removed from your checklist"
          : statusChange
          ? `${STATUS_LABELS[event.fromStatus ?? "todo"]} → ${STATUS_LABELS[event.toStatus]}`
          : `Details changed (status ${STATUS_LABELS[event.toStatus]})`}
        {other.length > 0 ? `; ${other.join("; ")}` : ""}
      </p>
    </li>
  );
}

/** The person's changes, newest first, with older pages loaded on request. */
export function HistoryTimeline({ initial }: { initial: HistoryPage }) {
  const [events, setEvents] = useState(initial.events);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setIsLoading(true);
    setError(null);
    try {
      const page = await fetchJson<HistoryPage>(`/api/history?cursor=${encodeURIComponent(cursor)}`);
      setEvents((current) => [...current, ...page.events]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(`Could not load older changes: ${errorMessage(e)}`);
    } finally {
      setIsLoading(false);
    }
  }

  if (events.length === 0) {
    return <p className="text-slate-700 dark:text-slate-300">No changes yet. Every status, date, note or link you save appears here.</p>;
  }
  return (
    <div>
      <ol className="mt-2">
        {events.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </ol>
      {cursor ? (
        <Button variant="secondary" onClick={loadMore} disabled={isLoading}>
          {isLoading ? "Loading…" : "Show older changes"}
        </Button>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">That is everything.</p>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
