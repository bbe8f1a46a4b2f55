import { requireUser, requireUserReading } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { progressListFrom, setItemsStatus, userProgressQuery } from "@/lib/progress";
import { bulkProgressSchema } from "@/lib/progress/schemas";

export const dynamic = "force-dynamic";

// The session check and the read in one statement (lib/auth/session.ts requireUserReading).
export const GET = route(async (request) => {
  const { rows } = await requireUserReading(request, userProgressQuery);
  return json(progressListFrom(rows));
});

/** One status for several items at once (the dashboard's first-visit step); all or nothing. */
export const PATCH = route(async (request) => {
  const user = await requireUser(request);
  const { itemIds, status } = await readJson(request, bulkProgressSchema);
  return json({ items: await setItemsStatus(user.id, itemIds, status) });
});
