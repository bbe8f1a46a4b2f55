// Display formats shared by server and client components. Written out by hand so the server
// render and the browser produce the same text (no locale data differences at hydration).

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-06-01" → "1 Jun 2026". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1] ?? ""} ${y}`;
}

/** An ISO timestamp as "1 Jun 2026, 14:05 UTC". */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

/** 84563 → "$84,563", as the article writes amounts. */
export function formatUsd(amount: number): string {
  return `$${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

/** The article's form: "$84,563 - $109,500". */
export function formatSalaryBand(min: number, max: number): string {
  return `${formatUsd(min)} - ${formatUsd(max)}`;
}

export const STATUS_LABELS = {
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  skipped: "Skipped",
} as const;
