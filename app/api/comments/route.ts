import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { listComments } from "@/lib/mentors";

export const dynamic = "force-dynamic";

/** The mentors' comments to the signed-in person, newest first. */
export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json({ comments: await listComments(user.id) });
});
