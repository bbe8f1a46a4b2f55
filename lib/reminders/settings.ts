import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReminderSettingsDto, ReminderSettingsInput } from "@/lib/reminders/schemas";

const DEFAULTS = { weeklyDigest: true, renewals: true, targets: true, timeZone: "UTC" };

export async function getReminderSettings(userId: string): Promise<ReminderSettingsDto> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { emailVerified: true, reminderSettings: { select: { weeklyDigest: true, renewals: true, targets: true, timeZone: true } } },
  });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return { ...DEFAULTS, ...user.reminderSettings, emailConfirmed: user.emailVerified !== null };
}

export async function updateReminderSettings(userId: string, input: ReminderSettingsInput): Promise<ReminderSettingsDto> {
  await getDb().reminderSettings.upsert({ where: { userId }, create: { userId, ...DEFAULTS, ...input }, update: input });
  return getReminderSettings(userId);
}
