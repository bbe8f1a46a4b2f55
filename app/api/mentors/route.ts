import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";
import { createMentorInvitation, listMentors } from "@/lib/mentors";
import { mentorInviteSchema } from "@/lib/mentors/schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json(await listMentors(user.id));
});

export const POST = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, mentorInviteSchema);
  return json(await createMentorInvitation(user.id, input, appOrigin(request)), { status: 201 });
});
