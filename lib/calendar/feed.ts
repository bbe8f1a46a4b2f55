import "server-only";
import crypto from "node:crypto";
import { ICalAlarmType, ICalCalendar } from "ical-generator";
import { CATALOG, getCatalogItem } from "@/lib/catalog";
import { getDb } from "@/lib/db";
import { parseChanges } from "@/lib/history";
import { loadPlan } from "@/lib/plan";
import { loadUserProgress } from "@/lib/progress";

// The person's plan as an RFC 5545 calendar: all-day events for item target dates, the
// goal's date and certification renewals. Titles only: notes and evidence links never leave
// the app through a link that anyone holding it can read.

/** Renewal reminders ring this many days before a certification expires. */
export const RENEWAL_ALARM_DAYS = 30;

const DAY_SECONDS = 86_400;

export type FeedEvent = { uid: string; date: string; summary: string; description: string; sequence: number; alarmDaysBefore: number | null };

const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** How many recorded changes touched each (item, field): the SEQUENCE of that item's event. */
async function changeCounts(userId: string): Promise<Map<string, number>> {
  const rows = await getDb().progressEvent.findMany({
    where: { userId, OR: [{ changes: { contains: '"targetOn"' } }, { changes: { contains: '"expiresOn"' } }] },
    select: { itemId: true, changes: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const field of Object.keys(parseChanges(row.changes))) {
      const key = `${row.itemId}:${field}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The events of one person's feed, in date order. Four queries. */
export async function listFeedEvents(userId: string): Promise<FeedEvent[]> {
  const [{ catalog, items }, plan, counts] = await Promise.all([loadUserProgress(userId), loadPlan(userId), changeCounts(userId)]);
  // UIDs stay the same for the life of the account but do not carry its id.
  const owner = crypto.createHash("sha256").update(`calendar:${userId}`).digest("hex").slice(0, 20);
  const events: FeedEvent[] = [];

  for (const item of items) {
    const ref = getCatalogItem(item.itemId, catalog);
    if (!ref) continue;
    const title = ref.item.title;
    if (item.targetOn && item.status !== "done" && item.status !== "skipped") {
      events.push({
        uid: `target-${item.itemId}-${owner}@ladder`,
        date: item.targetOn,
        summary: `Target: ${title}`,
        description: "Your target date for this item in Ladder.",
        sequence: counts.get(`${item.itemId}:targetOn`) ?? 0,
        alarmDaysBefore: null,
      });
    }
    if (ref.kind === "certification" && item.status === "done" && item.expiresOn) {
      events.push({
        uid: `renewal-${item.itemId}-${owner}@ladder`,
        date: item.expiresOn,
        summary: `Renew: ${title} expires`,
        description: `Your certification expires on this day and then no longer counts on the ladder. Reminder ${RENEWAL_ALARM_DAYS} days before.`,
        sequence: counts.get(`${item.itemId}:expiresOn`) ?? 0,
        alarmDaysBefore: RENEWAL_ALARM_DAYS,
      });
    }
  }

  if (plan.targetDate) {
    const rung = plan.targetRungId ? CATALOG.ladder.find((level) => level.id === plan.targetRungId) : undefined;
    events.push({
      uid: `plan-${owner}@ladder`,
      date: plan.targetDate,
      summary: rung ? `Goal: reach ${rung.title}` : "Goal: reach your next rung",
      description: "The target date of your learning plan in Ladder.",
      sequence: plan.revision,
      alarmDaysBefore: null,
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

/** The feed as text/calendar. */
export async function buildCalendarFeed(userId: string): Promise<string> {
  const calendar = new ICalCalendar({ name: "Ladder: your learning plan", prodId: { company: "Ladder", product: "Learning plan" } });
  for (const event of await listFeedEvents(userId)) {
    const created = calendar.createEvent({
      id: event.uid,
      start: utcDate(event.date),
      allDay: true,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
    });
    if (event.alarmDaysBefore !== null) {
      created.createAlarm({ type: ICalAlarmType.display, triggerBefore: event.alarmDaysBefore * DAY_SECONDS, description: event.summary });
    }
  }
  return calendar.toString();
}
