import { requireUser } from "@/lib/auth/session";
import { getHistoryOverview, listHistory } from "@/lib/history";
import { historyQuerySchema } from "@/lib/history/schemas";
import { json, readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A page of the person's changes, newest first; the first page also carries the done-over-time series. */
export const GET = route(async (request) => {
  const user = await requireUser(request);
  const query = readQuery(request, historyQuerySchema);
  if (query.cursor) return json(await listHistory(user.id, query));
  const { page, doneOverTime } = await getHistoryOverview(user.id, query.limit);
  return json({ ...page, doneOverTime });
});
