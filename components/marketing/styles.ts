// Shared class lists of the public pages, so links and cards look the same everywhere
// (buttons: components/ui/button.tsx).

// The width of components/shell/styles.ts SHELL_WIDTH, so public pages line up with the header.
export const CONTAINER = "mx-auto w-full max-w-5xl px-4 sm:px-6";

export const TEXT_LINK =
  "font-medium text-blue-700 underline decoration-blue-700/30 underline-offset-4 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40 dark:hover:decoration-blue-300";

export const CARD =
  "rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";
