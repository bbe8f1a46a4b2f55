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

// One salary-band format for the whole product: the public pages and the signed-in pages
// print the same "$84,563 – $109,500".
export { formatSalaryBand } from "@/lib/catalog/format";

export const STATUS_LABELS = {
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  skipped: "Skipped",
} as const;

/** About one line of the checklist's text column on a desktop. */
const ONE_LINE_CHARS = 90;

/**
 * The short form of a description: its first sentence when that fits one line, else its
 * first words up to one line and "…"; `hasMore` when anything is left out. A sentence ends
 * before a capital letter, so "Ph.D. in" does not end one.
 */
export function shortDescription(text: string): { short: string; hasMore: boolean } {
  const sentence = /^.+?[.!?](?=\s+[A-Z])/.exec(text)?.[0] ?? text;
  if (sentence.length <= ONE_LINE_CHARS) return { short: sentence, hasMore: sentence !== text };
  const cut = text.slice(0, ONE_LINE_CHARS + 1);
  return { short: `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:]+$/, "")}…`, hasMore: true };
}
