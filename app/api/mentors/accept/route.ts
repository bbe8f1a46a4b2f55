import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { acceptInvitation } from "@/lib/mentors";
import { mentorAcceptSchema } from "@/lib/mentors/schemas";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, mentorAcceptSchema);
  return json({ mentee: await acceptInvitation(user.id, input) });
});
