import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { getPlan, setPlan } from "@/lib/plan";
import { planUpdateSchema } from "@/lib/plan/schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json(await getPlan(user.id));
});

export const PUT = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, planUpdateSchema);
  const plan = await setPlan(user.id, input);
  return json({ plan });
});
