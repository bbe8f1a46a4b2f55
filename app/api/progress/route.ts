import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { getProgress } from "@/lib/progress";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json(await getProgress(user.id));
});
