import { requireUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { json, route } from "@/lib/http";
import { listMentees } from "@/lib/mentors";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json({ mentees: await listMentees(user.id, todayUtc()) });
});
