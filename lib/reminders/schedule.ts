// When reminders are due. Pure: the day is passed in, never read from a clock.
//
// A reminder is identified by (person, kind, subject, due date); the sending pass stores that
// key before it sends, which is what makes each reminder go out once. A new kind (item and
// plan target dates: "target", subject = item id or "plan", due 7 days before and on the day
// after) only needs a function here and a branch in the pass.

import { addDays } from "@/lib/clock";

export type ReminderKind = "renewal" | "digest";

/** The settings switch each kind of mail belongs to (and that its unsubscribe link turns off). */
export type ReminderSetting = "weeklyDigest" | "renewals" | "targets";

export const SETTING_OF_KIND = { renewal: "renewals", digest: "weeklyDigest" } as const satisfies Record<ReminderKind, ReminderSetting>;

export type ReminderKey = { kind: ReminderKind; subject: string; dueOn: string };

/** Days before a certification's expiry on which a renewal reminder is due. */
export const RENEWAL_DAYS_BEFORE = [90, 30, 7] as const;

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The renewal reminder due on `today` for a certification expiring on `expiresOn`: the latest
 * of the 90/30/7-day marks already reached, so a pass that missed a day catches up with one
 * mail instead of several; none once the certification has expired.
 */
export function dueRenewal(itemId: string, expiresOn: string, today: string): (ReminderKey & { daysLeft: number }) | null {
  const daysLeft = daysFrom(today, expiresOn);
  if (daysLeft < 0) return null;
  const mark = [...RENEWAL_DAYS_BEFORE].sort((a, b) => a - b).find((days) => daysLeft <= days);
  if (mark === undefined) return null;
  return { kind: "renewal", subject: itemId, dueOn: addDays(expiresOn, -mark), daysLeft };
}

/** The Monday (ISO week start) of the week `day` falls in. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The weekly digest: due once per week, on its Monday (sent by the first pass that week). */
export function dueDigest(today: string): ReminderKey {
  return { kind: "digest", subject: "week", dueOn: weekStart(today) };
}

/** The calendar day it is in `timeZone` at `now` (YYYY-MM-DD). */
export function dayInTimeZone(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
