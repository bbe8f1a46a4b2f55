import "server-only";
import { CATALOG, getCatalogItem, withCustomCertifications } from "@/lib/catalog";
import { addDays } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { evaluateLadder } from "@/lib/ladder";
import { appLink, appOrigin } from "@/lib/mail/links";
import { type MailContent, renewalReminderMail, targetReminderMail, weeklyDigestMail } from "@/lib/mail/templates";
import { loadPlan } from "@/lib/plan";
import { datedItems } from "@/lib/plan/dated-items";
import { sendMail } from "@/lib/mail/transport";
import { loadUserProgress } from "@/lib/progress";
import { dayInTimeZone, dueDigest, dueRenewal, dueTarget, type ReminderKey } from "@/lib/reminders/schedule";
import { issueUnsubscribeToken } from "@/lib/reminders/unsubscribe";

// One reminder pass: for every person with a confirmed address, work out which reminders are
// due today (in their time zone) and send each one that has not been sent.
//
// Exactly once, with any number of passes at the same time (cron on every instance, the
// in-server timer): a pass first inserts the reminder's key row (unique on person, kind,
// subject, due date) as "sending"; only the pass whose insert succeeded sends. A failed send
// puts the row back to "pending", and the next pass that finds it still due claims it with a
// conditional update. A row left "sending" by a pass that died is taken over after CLAIM_LEASE.

const CLAIM_LEASE_MS = 15 * 60_000;
const BATCH = 200;

export type PassResult = { sent: number; failed: number; alreadyHandled: number };

type Person = { id: string; email: string; name: string | null; timeZone: string; renewals: boolean; weeklyDigest: boolean; targets: boolean };

/** Claims the reminder for this pass; false when another pass has it or has sent it. */
async function claim(userId: string, key: ReminderKey): Promise<string | null> {
  const db = getDb();
  const now = new Date();
  try {
    const row = await db.reminder.create({ data: { userId, ...key, status: "sending", claimedAt: now, attempts: 1 }, select: { id: true } });
    return row.id;
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  const where = { userId_kind_subject_dueOn: { userId, ...key } };
  const row = await db.reminder.findUnique({ where, select: { id: true, status: true } });
  if (!row || row.status === "sent") return null;
  const { count } = await db.reminder.updateMany({
    where: { id: row.id, OR: [{ status: "pending" }, { status: "sending", claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } }] },
    data: { status: "sending", claimedAt: now, attempts: { increment: 1 } },
  });
  return count === 1 ? row.id : null;
}

type MailLinks = { dashboardLink: string; settingsLink: string; unsubscribeLink: string };

/** Sends the mail `compose` writes, once: it gets the links, with the mail's own unsubscribe token. */
async function deliver(person: Person, key: ReminderKey, compose: (links: MailLinks) => MailContent, origin: string, result: PassResult): Promise<void> {
  const id = await claim(person.id, key);
  if (!id) {
    result.alreadyHandled += 1;
    return;
  }
  const db = getDb();
  try {
    const token = await issueUnsubscribeToken(id);
    const mail = compose({
      dashboardLink: appLink(origin, "/dashboard"),
      settingsLink: appLink(origin, "/settings"),
      unsubscribeLink: appLink(origin, "/unsubscribe", { token }),
    });
    const oneClick = appLink(origin, "/api/unsubscribe", { token });
    await sendMail({
      to: person.email,
      ...mail,
      headers: { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  } catch (error) {
    await db.reminder.updateMany({ where: { id, status: "sending" }, data: { status: "pending", claimedAt: null } });
    result.failed += 1;
    console.error(`[ladder] reminder ${key.kind} for ${key.dueOn} not sent, left for the next pass:`, error instanceof Error ? error.message : error);
    return;
  }
  await db.reminder.update({ where: { id }, data: { status: "sent", sentAt: new Date() } });
  result.sent += 1;
}

/** The digest's target-date lines: overdue and coming items, soonest first. */
function nextTargets(items: Parameters<typeof datedItems>[0], today: string, titleOf: (itemId: string) => string): string[] {
  const { overdue, upcoming } = datedItems(items, today);
  return [
    ...overdue.map((item) => `${titleOf(item.itemId)}: target date ${item.targetOn} (passed)`),
    ...upcoming.map((item) => `${titleOf(item.itemId)}: target date ${item.targetOn}`),
  ];
}

async function remindPerson(person: Person, today: string, origin: string, result: PassResult): Promise<void> {
  const { items, customCertifications } = await loadUserProgress(person.id);
  const catalog = withCustomCertifications(CATALOG, customCertifications);
  const titleOf = (itemId: string) => getCatalogItem(itemId, catalog)?.item.title ?? itemId;

  if (person.renewals) {
    for (const item of items) {
      if (item.status !== "done" || !item.expiresOn || getCatalogItem(item.itemId, catalog)?.kind !== "certification") continue;
      const due = dueRenewal(item.itemId, item.expiresOn, today);
      if (!due) continue;
      const { daysLeft, ...key } = due;
      const expiresOn = item.expiresOn;
      const title = titleOf(item.itemId);
      await deliver(person, key, (links) => renewalReminderMail({ name: person.name, title, expiresOn, daysLeft, ...links }), origin, result);
    }
  }

  if (person.targets) {
    // Open items only: done and skipped ones need no reminder.
    const { overdue, upcoming } = datedItems(items, today);
    for (const dated of [...overdue, ...upcoming]) {
      const due = dueTarget(dated.itemId, dated.targetOn, today);
      if (!due) continue;
      const { daysLeft, ...key } = due;
      const title = titleOf(dated.itemId);
      await deliver(person, key, (links) => targetReminderMail({ name: person.name, title, goal: false, targetOn: dated.targetOn, daysLeft, ...links }), origin, result);
    }
    const plan = await loadPlan(person.id);
    const goal = plan.targetDate ? dueTarget("plan", plan.targetDate, today) : null;
    if (plan.targetDate && goal) {
      // The goal is the chosen rung, or the next one when none is chosen; none once it is reached.
      const evaluation = evaluateLadder(catalog, items, today);
      const rungId = plan.targetRungId ?? evaluation.next?.id ?? null;
      const rung = evaluation.levels.find((level) => level.id === rungId);
      if (rung && !rung.reached) {
        const { daysLeft, ...key } = goal;
        const targetOn = plan.targetDate;
        await deliver(person, key, (links) => targetReminderMail({ name: person.name, title: rung.title, goal: true, targetOn, daysLeft, ...links }), origin, result);
      }
    }
  }

  const digestKey = dueDigest(today);
  // Most passes of a week find the digest sent: skip composing it.
  const digestSent = person.weeklyDigest
    ? (await getDb().reminder.findUnique({ where: { userId_kind_subject_dueOn: { userId: person.id, ...digestKey } }, select: { status: true } }))?.status === "sent"
    : true;
  if (!digestSent) {
    const key = digestKey;
    const since = new Date(`${addDays(today, -7)}T00:00:00Z`);
    const until = new Date(`${addDays(today, 1)}T00:00:00Z`);
    const fourWeeksAgo = new Date(`${addDays(today, -28)}T00:00:00Z`);
    const events = await getDb().progressEvent.findMany({
      where: { userId: person.id, createdAt: { gte: fourWeeksAgo, lt: until } },
      select: { itemId: true, toStatus: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    const lastWeek = new Map<string, string>();
    for (const event of events) if (event.createdAt >= since) lastWeek.set(event.itemId, event.toStatus);
    const doneInFourWeeks = new Set(events.filter((event) => event.toStatus === "done").map((event) => event.itemId)).size;
    const position = evaluateLadder(catalog, items, today);
    const compose = (links: MailLinks) => weeklyDigestMail({
      name: person.name,
      weekOf: key.dueOn,
      changed: [...lastWeek].map(([itemId, status]) => `${titleOf(itemId)}: ${status.replace("_", " ")}`),
      position: position.current
        ? `You are ${position.current.title}.${position.next ? ` ${position.percentToNext} % of the way to ${position.next.title}.` : ""}`
        : `You are not on the ladder yet.${position.next ? ` ${position.percentToNext} % of the way to ${position.next.title}.` : ""}`,
      next: [
        ...position.missing.map((missing) => missing.title),
        ...nextTargets(items, today, titleOf),
      ],
      pace: doneInFourWeeks > 0 ? `Pace: ${doneInFourWeeks} item${doneInFourWeeks === 1 ? "" : "s"} done in the last four weeks.` : null,
      ...links,
    });
    await deliver(person, key, compose, origin, result);
  }
}

/**
 * Runs one pass. `date` (YYYY-MM-DD) computes everything as of that day for everyone (tests,
 * catch-up); without it each person's day is the current date in their own time zone.
 */
export async function runReminderPass(options: { date?: string; now?: Date } = {}): Promise<PassResult> {
  const db = getDb();
  const origin = appOrigin();
  const now = options.now ?? new Date();
  const result: PassResult = { sent: 0, failed: 0, alreadyHandled: 0 };
  let cursor: string | undefined;
  for (;;) {
    const users = await db.user.findMany({
      // Only confirmed addresses get reminders.
      where: { emailVerified: { not: null } },
      select: { id: true, email: true, name: true, reminderSettings: { select: { timeZone: true, renewals: true, weeklyDigest: true, targets: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const user of users) {
      const settings = user.reminderSettings ?? { timeZone: "UTC", renewals: true, weeklyDigest: true, targets: true };
      if (!settings.renewals && !settings.weeklyDigest && !settings.targets) continue;
      const person: Person = { id: user.id, email: user.email, name: user.name, ...settings };
      const today = options.date ?? dayInTimeZone(now, settings.timeZone);
      try {
        await remindPerson(person, today, origin, result);
      } catch (error) {
        // One person's bad data must not stop everyone else's reminders.
        result.failed += 1;
        console.error("[ladder] reminders for one person failed:", error instanceof Error ? error.message : error);
      }
    }
    if (users.length < BATCH) break;
    cursor = users[users.length - 1]?.id;
  }
  return result;
}
