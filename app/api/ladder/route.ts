import { requireUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { json, route } from "@/lib/http";
import { getLadderPosition } from "@/lib/progress";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json(await getLadderPosition(user.id, todayUtc()));
});
