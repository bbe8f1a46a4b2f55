import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { ReminderSettingsInput } from "@/lib/reminders/schemas";
import { getReminderSettings, updateReminderSettings } from "@/lib/reminders/settings";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json(await getReminderSettings(user.id));
});

export const PUT = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, ReminderSettingsInput);
  return json(await updateReminderSettings(user.id, input));
});
