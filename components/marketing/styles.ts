// Shared class lists of the public pages, so buttons and links look the same everywhere.

export const CONTAINER = "mx-auto w-full max-w-6xl px-4 sm:px-6 lg:px-8";

export const PRIMARY_BUTTON =
  "inline-flex items-center justify-center rounded-lg bg-blue-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500";

export const SECONDARY_BUTTON =
  "inline-flex items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 shadow-sm transition-colors hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

export const TEXT_LINK =
  "font-medium text-blue-700 underline decoration-blue-700/30 underline-offset-4 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40 dark:hover:decoration-blue-300";

export const CARD =
  "rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";
