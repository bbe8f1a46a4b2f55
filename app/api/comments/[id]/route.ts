import { requireUser } from "@/lib/auth/session";
import { route } from "@/lib/http";
import { deleteComment } from "@/lib/mentors";

export const dynamic = "force-dynamic";

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  await deleteComment(user.id, id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
