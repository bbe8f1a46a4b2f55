"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { CATALOG } from "@/lib/catalog";
import type { LadderEvaluation } from "@/lib/ladder";

/** What a change says in the toast; `undo` is a normal write that puts things back. */
export type ToastInput = { text: string; undo?: () => void };
type Toast = ToastInput & { id: number; hasRungNews: boolean };

// Long enough to read a sentence and reach "Undo"; it waits while focus or the pointer is on it.
const TOAST_MS = 8000;

const ShowToast = createContext<(toast: ToastInput) => void>(() => {});

/** For a checklist item: show what it just did, with its undo. */
export function useShowToast() {
  return useContext(ShowToast);
}

const rungOrder = (id: string | null) => CATALOG.ladder.findIndex((level) => level.id === id);

/**
 * The moment of progress where the person is looking: a toast at the bottom of the viewport
 * (the last change, "Undo", and "View ladder" when the rung moved) and a polite live region
 * that reads the same sentence.
 */
export function ProgressToasts({ ladder, children }: { ladder: LadderEvaluation; children: React.ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const rungId = ladder.current?.id ?? null;
  const previousRung = useRef(rungId);

  const show = useCallback((input: ToastInput) => setToast({ ...input, id: Date.now(), hasRungNews: false }), []);

  useEffect(() => {
    const before = previousRung.current;
    if (before === rungId) return;
    previousRung.current = rungId;
    const title = ladder.current?.title;
    const news = rungOrder(rungId) > rungOrder(before) ? `You reached ${title}.` : title ? `You are back to ${title}.` : "You are below the first rung again.";
    // Joins the change that caused it, keeping that change's undo.
    setToast((last) => ({ text: last ? `${last.text} ${news}` : news, undo: last?.undo, id: Date.now(), hasRungNews: true }));
  }, [rungId, ladder.current?.title]);

  useEffect(() => {
    if (!toast) return;
    let timer = 0;
    const close = () => {
      const isInUse = box.current?.matches(":hover, :focus-within");
      if (isInUse) timer = window.setTimeout(close, 1000);
      else setToast((current) => (current?.id === toast.id ? null : current));
    };
    timer = window.setTimeout(close, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);

  return (
    <ShowToast.Provider value={show}>
      {children}
      <div role="status" aria-live="polite" className="sr-only">
        {toast?.text ?? ""}
      </div>
      {toast ? (
        <div className="fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
          <div
            ref={box}
            data-testid="progress-toast"
            className="flex max-w-xl flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-950"
          >
            <p className="py-2">{toast.text}</p>
            <div className="flex flex-wrap items-center gap-1">
              {toast.undo ? (
                <button
                  type="button"
                  className="min-h-11 rounded-md px-3 font-semibold underline underline-offset-2 hover:bg-white/10 dark:hover:bg-slate-900/10"
                  onClick={() => {
                    setToast(null);
                    toast.undo?.();
                  }}
                >
                  Undo
                </button>
              ) : null}
              {toast.hasRungNews ? (
                <Link href="/ladder" className="inline-flex min-h-11 items-center rounded-md px-3 font-semibold underline underline-offset-2 hover:bg-white/10 dark:hover:bg-slate-900/10">
                  View ladder
                </Link>
              ) : null}
              <button
                type="button"
                aria-label="Dismiss"
                className="min-h-11 min-w-11 rounded-md hover:bg-white/10 dark:hover:bg-slate-900/10"
                onClick={() => setToast(null)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </ShowToast.Provider>
  );
}
