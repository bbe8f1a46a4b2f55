const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * "YYYY-MM-DD" from an ISO date (a full ISO timestamp is cut to its date), or null when the value
 * is missing or not a real calendar date. ISO dates compare correctly as strings.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const date = new Date(time);
  // Rejects 2026-02-30 and the like, which Date.UTC silently rolls over.
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  ) {
    return null;
  }
  return `${y}-${m}-${d}`;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both valid "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}
