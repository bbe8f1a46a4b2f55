// Input schema of PUT /api/reminders, shared by the settings form and the handler.
import { z } from "zod";
import { isTimeZone } from "@/lib/reminders/schedule";

export const ReminderSettingsInput = z.strictObject({
  weeklyDigest: z.boolean({ error: "Choose on or off." }).optional(),
  renewals: z.boolean({ error: "Choose on or off." }).optional(),
  targets: z.boolean({ error: "Choose on or off." }).optional(),
  timeZone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .max(64)
    .refine(isTimeZone, { error: "Choose a time zone from the list, like Europe/Berlin." })
    .optional(),
});
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsInput>;

export type ReminderSettingsDto = {
  weeklyDigest: boolean;
  renewals: boolean;
  targets: boolean;
  timeZone: string;
  /** Reminders go to confirmed addresses only. */
  emailConfirmed: boolean;
};

export const UnsubscribeInput = z.strictObject({ token: z.string().trim().min(1).max(300) });
