import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { getProgress, setItemsStatus } from "@/lib/progress";
import { bulkProgressSchema } from "@/lib/progress/schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json(await getProgress(user.id));
});

/** One status for several items at once (the dashboard's first-visit step); all or nothing. */
export const PATCH = route(async (request) => {
  const user = await requireUser(request);
  const { itemIds, status } = await readJson(request, bulkProgressSchema);
  return json({ items: await setItemsStatus(user.id, itemIds, status) });
});
