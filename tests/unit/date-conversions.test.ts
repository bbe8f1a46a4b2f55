import { describe, expect, it } from "vitest";
import { toIsoDate } from "@/lib/ladder/dates";
import { toIsoTimestamp } from "@/lib/progress/rows";

// Both conversions avoid a Date per call on the hot read path; they must give what the Date
// round trip they replaced gave, for every input.

/** What toIsoDate computed with a Date before: the calendar date, or null when Date.UTC rolled it over. */
function isoDateThroughDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m}-${d}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

describe("toIsoDate", () => {
  it("agrees with the Date round trip on every day, month and day number of leap and common years", () => {
    let checked = 0;
    let refused = 0;
    for (const year of [1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const expected = isoDateThroughDate(value);
          expect(toIsoDate(value), value).toBe(expected);
          checked += 1;
          if (expected === null) refused += 1;
        }
      }
    }
    expect(checked).toBe(8 * 14 * 33);
    // Each year has 365 or 366 real days among the 462 tried; the rest are refused.
    expect(checked - refused).toBe(5 * 365 + 3 * 366);
  });

  it("knows which century years are leap years", () => {
    expect(toIsoDate("2000-02-29")).toBe("2000-02-29");
    expect(toIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(toIsoDate("1900-02-29")).toBeNull();
    expect(toIsoDate("2100-02-29")).toBeNull();
    expect(toIsoDate("2026-02-29")).toBeNull();
  });

  it("cuts a timestamp to its date and refuses what is not a date", () => {
    expect(toIsoDate("2026-12-05T03:44:41.438+00:00")).toBe("2026-12-05");
    expect(toIsoDate("2026-04-31T00:00:00Z")).toBeNull();
    expect(toIsoDate("0099-01-01")).toBe(isoDateThroughDate("0099-01-01"));
    expect(toIsoDate("0099-01-01")).toBeNull();
    expect(toIsoDate("0100-01-01")).toBe("0100-01-01");
    for (const value of ["", "2026-1-05", "05-12-2026", "2026/12/05", "next week"]) expect(toIsoDate(value), value).toBeNull();
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate(undefined)).toBeNull();
  });
});

describe("toIsoTimestamp", () => {
  it("gives toISOString()'s text for stored timestamps in each form the read paths return", () => {
    const instants = [0, 1_733_370_281_438, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 11, 5, 0, 0, 0, 430)];
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      // PostgreSQL's text drops trailing zeros of the fraction (".43", none for ".000").
      const trimmed = iso.slice(0, 23).replace(/\.?0+$/, "");
      const forms = [iso, iso.replace("Z", "+00:00"), `${trimmed}+00:00`, ms, new Date(ms)];
      for (const form of forms) expect(toIsoTimestamp(form), String(form)).toBe(iso);
    }
  });

  it("converts other zones through a Date rather than copying their text", () => {
    expect(toIsoTimestamp("2026-12-05T03:44:41.438+02:00")).toBe("2026-12-05T01:44:41.438Z");
    expect(() => toIsoTimestamp("not a time")).toThrow(RangeError);
  });
});
