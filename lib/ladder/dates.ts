const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * "YYYY-MM-DD" from an ISO date (a full ISO timestamp is cut to its date), or null when the value
 * is missing or not a real calendar date (2026-02-30, month 13; years before 0100, which
 * JavaScript's Date reads as 19xx, are refused too). ISO dates compare correctly as strings.
 * Checked by arithmetic: every ladder evaluation and forecast calls this for each row, and a
 * Date per call was a measurable part of a request (docs/benchmarks.md).
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return value.length === 10 ? value : value.slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both valid "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}
