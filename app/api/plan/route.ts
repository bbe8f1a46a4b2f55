import { requireUser, requireUserReading } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { planViewFrom, planViewQuery, setPlan } from "@/lib/plan";
import { planUpdateSchema } from "@/lib/plan/schemas";

export const dynamic = "force-dynamic";

// The session check and the read in one statement (lib/auth/session.ts requireUserReading).
export const GET = route(async (request) => {
  const { rows } = await requireUserReading(request, planViewQuery);
  return json(planViewFrom(rows));
});

export const PUT = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, planUpdateSchema);
  const plan = await setPlan(user.id, input);
  return json({ plan });
});
