import { requireUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { json, route } from "@/lib/http";
import { getMenteeView } from "@/lib/mentors";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  return json({ mentee: await getMenteeView(user.id, id, todayUtc()) });
});
