"use client";

import { ITEM_STATUSES, type ItemStatus } from "@/lib/catalog";
import { STATUS_LABELS } from "@/lib/format";

// The option's look lives in app/globals.css (.status-option): written out as utility
// classes it was 500 characters on each of the four options of every item, about 40 % of the
// dashboard's HTML, and the server rendered it for every request (docs/benchmarks.md).
const CHECKED: Record<ItemStatus, string> = {
  todo: "status-option-todo",
  in_progress: "status-option-in-progress",
  done: "status-option-done",
  skipped: "status-option-skipped",
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
    <fieldset className="min-w-0">
      <legend className="sr-only">Status of {title}</legend>
      <div className="inline-flex flex-wrap gap-1">
        {ITEM_STATUSES.map((value) => (
          <label key={value} className="relative cursor-pointer">
            <input
              type="radio"
              name={`status-${itemId}`}
              value={value}
              checked={status === value}
              onChange={() => onChange(value)}
              className="peer sr-only"
            />
            <span
              className={`status-option ${CHECKED[value]}`}
            >
              {STATUS_LABELS[value]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
