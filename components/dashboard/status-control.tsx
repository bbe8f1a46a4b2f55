"use client";

import { ITEM_STATUSES, type ItemStatus } from "@/lib/catalog";
import { STATUS_LABELS } from "@/lib/format";

// The option's look lives in app/globals.css (.status-option): written out as utility
// classes it was 500 characters on each of the four options of every item, about 40 % of the
// dashboard's HTML, and the server rendered it for every request (docs/benchmarks.md).
// The label is the pill and styles itself by the radio it holds (:has), so an option is two
// elements, not three: the server renders this for every item shown (docs/decisions/025).
const OPTION_CLASS: Record<ItemStatus, string> = {
  todo: "status-option status-option-todo",
  in_progress: "status-option status-option-in-progress",
  done: "status-option status-option-done",
  skipped: "status-option status-option-skipped",
};

/**
 * The four statuses as one radio group: one click sets a status, and with the group focused
 * each arrow key moves to the next status and saves it (native radio behaviour).
 */
export function StatusControl({
  itemId,
  title,
  status,
  onChange,
}: {
  itemId: string;
  title: string;
  status: ItemStatus;
  onChange: (status: ItemStatus) => void;
}) {
  return (
    // The fieldset is the flex container itself (no wrapper element); its legend is visually hidden.
    <fieldset className="flex min-w-0 shrink-0 flex-wrap gap-1">
      <legend className="sr-only">{`Status of ${title}`}</legend>
      {ITEM_STATUSES.map((value) => (
        <label key={value} className={OPTION_CLASS[value]}>
          <input type="radio" name={`status-${itemId}`} value={value} checked={status === value} onChange={() => onChange(value)} className="sr-only" />
          {STATUS_LABELS[value]}
        </label>
      ))}
    </fieldset>
  );
}
