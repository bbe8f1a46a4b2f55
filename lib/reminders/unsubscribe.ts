import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type ReminderKind, type ReminderSetting, SETTING_OF_KIND } from "@/lib/reminders/schedule";
import { createSecretToken, hashSecretToken, isSecretTokenShape } from "@/lib/tokens";

// One-click unsubscribe links (RFC 8058). Every reminder mail carries its own random token;
// only its SHA-256 is stored, on the reminder row the mail was sent for. All a token can do is
// switch off that one kind of mail for that one person, for UNSUBSCRIBE_LINK_DAYS after the
// mail; deleting the account (and with it the row) revokes it.

export const UNSUBSCRIBE_LINK_DAYS = 180;

/** A new token for the mail of this reminder row; any earlier token of the row stops working. */
export async function issueUnsubscribeToken(reminderId: string): Promise<string> {
  const { token, hash } = createSecretToken();
  await getDb().reminder.update({ where: { id: reminderId }, data: { unsubscribeHash: hash } });
  return token;
}

async function readToken(token: string): Promise<{ userId: string; setting: ReminderSetting }> {
  const invalid = new AppError("invalid_input", "token: This unsubscribe link is not valid. You can switch reminders off in your settings.", { field: "token" });
  if (!isSecretTokenShape(token)) throw invalid;
  const row = await getDb().reminder.findUnique({
    where: { unsubscribeHash: hashSecretToken(token) },
    select: { userId: true, kind: true, claimedAt: true, createdAt: true },
  });
  if (!row || !(row.kind in SETTING_OF_KIND)) throw invalid;
  const issuedAt = row.claimedAt ?? row.createdAt;
  if (Date.now() - issuedAt.getTime() > UNSUBSCRIBE_LINK_DAYS * 24 * 60 * 60 * 1000) {
    throw new AppError("invalid_input", "token: This unsubscribe link has expired. You can switch reminders off in your settings.", { field: "token" });
  }
  return { userId: row.userId, setting: SETTING_OF_KIND[row.kind as ReminderKind] };
}

export const SETTING_NAMES: Record<ReminderSetting, string> = {
  weeklyDigest: "the weekly digest",
  renewals: "certification renewal reminders",
  targets: "target date reminders",
};

/** What a token would switch off, for the confirmation page (changes nothing). */
export async function describeUnsubscribeToken(token: string): Promise<{ setting: ReminderSetting; name: string }> {
  const { setting } = await readToken(token);
  return { setting, name: SETTING_NAMES[setting] };
}

/** Switches off the one kind of mail the token names; repeating it changes nothing more. */
export async function unsubscribe(token: string): Promise<{ setting: ReminderSetting; name: string }> {
  const { userId, setting } = await readToken(token);
  await getDb().reminderSettings.upsert({ where: { userId }, create: { userId, [setting]: false }, update: { [setting]: false } });
  return { setting, name: SETTING_NAMES[setting] };
}
