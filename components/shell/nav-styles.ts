// Not in nav-links.tsx: a constant exported from a "use client" module reaches a server
// component (the signed-in layout) as a client reference, not as the string.

/** One link or button of the signed-in header: 44 px tall for touch, narrow on a phone. */
export const NAV_ITEM =
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-1.5 font-medium text-slate-800 hover:bg-slate-100 sm:px-2.5 dark:text-slate-200 dark:hover:bg-slate-800";

/** One entry of the account menu: a full-width row, 44 px tall. */
export const MENU_ITEM =
  "flex min-h-11 w-full items-center rounded-md px-3 text-left font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-70 dark:text-slate-200 dark:hover:bg-slate-800";
