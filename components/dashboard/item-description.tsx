"use client";

import { useId, useState } from "react";
import { shortDescription } from "@/lib/format";

/**
 * A checklist item's description in about one line, the rest on demand: 23 items with their
 * whole descriptions made the checklist a long read. Only descriptions that do not fit get
 * the button, so short ones cost no Tab stop.
 */
export function ItemDescription({ title, text }: { title: string; text: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  const { short, hasMore } = shortDescription(text);
  return (
    <p id={id} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
      {isOpen || !hasMore ? text : short}
      {hasMore ? (
        <>
          {" "}
          <button
            type="button"
            aria-expanded={isOpen}
            aria-controls={id}
            onClick={() => setIsOpen(!isOpen)}
            className="inline-flex min-h-11 min-w-11 items-center justify-center font-medium text-blue-700 underline underline-offset-2 sm:min-h-0 sm:min-w-0 dark:text-blue-300"
          >
            {isOpen ? "Less" : "More"}
            <span className="sr-only"> about {title}</span>
          </button>
        </>
      ) : null}
    </p>
  );
}
