import "server-only";
import crypto from "node:crypto";
import { getAuthSecret } from "@/lib/env";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReminderSetting } from "@/lib/reminders/schedule";

// One-click unsubscribe links (RFC 8058): a token naming a person and one kind of mail, signed
// with HMAC-SHA256 under a key derived from the app secret. Nothing is stored; all a token can
// ever do is switch that one kind of mail off for that one person.

const SETTINGS: readonly ReminderSetting[] = ["weeklyDigest", "renewals", "targets"];

function key(): Buffer {
  return crypto.createHmac("sha256", getAuthSecret()).update("ladder unsubscribe v1").digest();
}

function sign(payload: string): Buffer {
  return crypto.createHmac("sha256", key()).update(payload).digest();
}

export function unsubscribeToken(userId: string, setting: ReminderSetting): string {
  const payload = `${userId}:${setting}`;
  return `${Buffer.from(payload).toString("base64url")}.${sign(payload).toString("base64url")}`;
}

function readToken(token: string): { userId: string; setting: ReminderSetting } {
  const invalid = new AppError("invalid_input", "token: This unsubscribe link is not valid.", { field: "token" });
  const [encoded, mac, ...rest] = token.split(".");
  if (!encoded || !mac || rest.length > 0) throw invalid;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const given = Buffer.from(mac, "base64url");
  const expected = sign(payload);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw invalid;
  const [userId, setting] = payload.split(":");
  if (!userId || !SETTINGS.includes(setting as ReminderSetting)) throw invalid;
  return { userId, setting: setting as ReminderSetting };
}

export const SETTING_NAMES: Record<ReminderSetting, string> = {
  weeklyDigest: "the weekly digest",
  renewals: "certification renewal reminders",
  targets: "target date reminders",
};

/** What a token would switch off, for the confirmation page (changes nothing). */
export function describeUnsubscribeToken(token: string): { setting: ReminderSetting; name: string } {
  const { setting } = readToken(token);
  return { setting, name: SETTING_NAMES[setting] };
}

/** Switches off the one kind of mail the token names; repeating it changes nothing more. */
export async function unsubscribe(token: string): Promise<{ setting: ReminderSetting; name: string }> {
  const { userId, setting } = readToken(token);
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  // An account deleted since the mail was sent has nothing left to unsubscribe.
  if (user) await db.reminderSettings.upsert({ where: { userId }, create: { userId, [setting]: false }, update: { [setting]: false } });
  return { setting, name: SETTING_NAMES[setting] };
}
