"use client";

import { ITEM_STATUSES, type ItemStatus } from "@/lib/catalog";
import { STATUS_LABELS } from "@/lib/format";

const CHECKED: Record<ItemStatus, string> = {
  todo: "peer-checked:border-slate-700 peer-checked:bg-slate-700 peer-checked:text-white dark:peer-checked:border-slate-300 dark:peer-checked:bg-slate-300 dark:peer-checked:text-slate-950",
  in_progress:
    "peer-checked:border-amber-700 peer-checked:bg-amber-700 peer-checked:text-white dark:peer-checked:border-amber-300 dark:peer-checked:bg-amber-300 dark:peer-checked:text-slate-950",
  done: "peer-checked:border-green-700 peer-checked:bg-green-700 peer-checked:text-white dark:peer-checked:border-green-300 dark:peer-checked:bg-green-300 dark:peer-checked:text-slate-950",
  skipped:
    "peer-checked:border-slate-500 peer-checked:bg-slate-500 peer-checked:text-white peer-checked:line-through dark:peer-checked:border-slate-500 dark:peer-checked:bg-slate-600",
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
              className={`block rounded-md border border-slate-300 bg-white px-2 py-1 text-sm sm:px-2.5 text-slate-800 hover:bg-slate-100 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:peer-focus-visible:outline-blue-300 ${CHECKED[value]}`}
            >
              {STATUS_LABELS[value]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
