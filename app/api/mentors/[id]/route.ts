import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { listMentors, revokeMentor, setMentorAccess } from "@/lib/mentors";
import { mentorUpdateSchema } from "@/lib/mentors/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  const input = await readJson(request, mentorUpdateSchema);
  await setMentorAccess(user.id, id, input);
  return json(await listMentors(user.id));
});

export const DELETE = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  await revokeMentor(user.id, id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
