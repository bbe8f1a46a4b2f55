"use client";

import Link from "next/link";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import type { MenteeRow } from "@/lib/mentors/types";

type SortKey = "name" | "rung" | "percentToNext" | "lastActivity";
type Sort = { key: SortKey; isAscending: boolean };

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "rung", label: "Rung" },
  { key: "percentToNext", label: "% to next" },
  { key: "lastActivity", label: "Last activity" },
];

const displayName = (row: MenteeRow) => row.name ?? row.email;

/** The goal in words: the rung and date from the person's plan. */
function goalText(row: MenteeRow): string {
  const { goal } = row;
  if (!goal) return "No goal set";
  const rung = goal.rungTitle ?? "The top of the ladder";
  return goal.date ? `${rung} by ${formatDate(goal.date)}` : rung;
}

/** On track or not, against the goal's date at the person's own pace. */
function trackText(row: MenteeRow): string | null {
  const { goal, onTrack } = row;
  if (!goal) return null;
  if (goal.reached) return "Reached";
  if (onTrack === true) return "On track";
  if (onTrack === false) {
    if (goal.weeksBehind === null) return "Behind: not within 5 years at this pace";
    return `Behind by ${goal.weeksBehind} week${goal.weeksBehind === 1 ? "" : "s"}`;
  }
  return goal.date ? "No forecast yet" : "No date set";
}

function GoalCell({ row }: { row: MenteeRow }) {
  const track = trackText(row);
  return (
    <>
      <span className="block">{goalText(row)}</span>
      {track ? (
        <span className={`block text-xs ${row.onTrack === false ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}>{track}</span>
      ) : null}
    </>
  );
}

function compare(a: MenteeRow, b: MenteeRow, key: SortKey, rungOrder: ReadonlyMap<string | null, number>): number {
  switch (key) {
    case "name":
      return displayName(a).localeCompare(displayName(b));
    case "rung":
      return (rungOrder.get(a.rungId) ?? -1) - (rungOrder.get(b.rungId) ?? -1);
    case "percentToNext":
      return a.percentToNext - b.percentToNext;
    case "lastActivity":
      return (a.lastActivity ?? "").localeCompare(b.lastActivity ?? "");
  }
}

/** The people a mentor follows; each column header sorts (a second press reverses). */
export function MenteeTable({ rows, rungIds }: { rows: readonly MenteeRow[]; rungIds: readonly string[] }) {
  const [sort, setSort] = useState<Sort>({ key: "name", isAscending: true });
  const rungOrder = new Map<string | null, number>(rungIds.map((id, index) => [id, index]));
  const sorted = [...rows].sort((a, b) => (sort.isAscending ? 1 : -1) * compare(a, b, sort.key, rungOrder));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-0 text-left text-sm">
        <caption className="sr-only">The people you mentor, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sort.key === column.key ? (sort.isAscending ? "ascending" : "descending") : undefined}
                className="px-1 py-1 font-semibold sm:px-2"
              >
                <button
                  type="button"
                  className="inline-flex min-h-11 items-center gap-1 rounded-md text-left hover:underline"
                  onClick={() => setSort((current) => ({ key: column.key, isAscending: current.key === column.key ? !current.isAscending : true }))}
                >
                  {column.label}
                  <span aria-hidden="true">{sort.key === column.key ? (sort.isAscending ? "▲" : "▼") : ""}</span>
                </button>
              </th>
            ))}
            {/* Below sm the goal sits under the name: a fifth column does not fit 375 px. */}
            <th scope="col" className="hidden px-1 py-1 align-middle font-semibold sm:table-cell sm:px-2">
              Goal
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top dark:border-slate-800">
              <th scope="row" className="px-1 py-2 font-medium sm:px-2">
                <Link href={`/mentoring/${encodeURIComponent(row.id)}`} className="break-words text-blue-700 underline underline-offset-2 dark:text-blue-300">
                  {displayName(row)}
                </Link>
                <span className="mt-1 block font-normal sm:hidden">
                  <span className="sr-only">Goal: </span>
                  <GoalCell row={row} />
                </span>
              </th>
              <td className="px-1 py-2 sm:px-2">{row.rungTitle}</td>
              <td className="px-1 py-2 tabular-nums sm:px-2">{row.percentToNext} %</td>
              <td className="px-1 py-2 sm:px-2">{row.lastActivity ? formatDateTime(row.lastActivity) : "None yet"}</td>
              <td className="hidden px-1 py-2 sm:table-cell sm:px-2">
                <GoalCell row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
