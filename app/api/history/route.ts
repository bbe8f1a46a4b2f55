import { requireUser } from "@/lib/auth/session";
import { getDoneOverTime, listHistory } from "@/lib/history";
import { historyQuerySchema } from "@/lib/history/schemas";
import { fromZodError, json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A page of the person's changes, newest first; the first page also carries the done-over-time series. */
export const GET = route(async (request) => {
  const user = await requireUser(request);
  const query = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw fromZodError(query.error);
  const page = await listHistory(user.id, query.data);
  if (query.data.cursor) return json(page);
  return json({ ...page, doneOverTime: await getDoneOverTime(user.id) });
});
