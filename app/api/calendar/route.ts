import { requireUser } from "@/lib/auth/session";
import { createCalendarToken, hasCalendarToken, revokeCalendarToken } from "@/lib/calendar";
import { getEnv } from "@/lib/env";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Whether a link exists; the link itself is shown once, when it is made. */
export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json({ active: await hasCalendarToken(user.id) });
});

/** A new secret link; an earlier one stops working. */
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const token = await createCalendarToken(user.id);
  return json({ url: new URL(`/api/calendar/${token}.ics`, getEnv().NEXTAUTH_URL ?? request.url).toString() }, { status: 201 });
});

export const DELETE = route(async (request) => {
  const user = await requireUser(request);
  await revokeCalendarToken(user.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
