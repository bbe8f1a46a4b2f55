import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { addComment } from "@/lib/mentors";
import { commentCreateSchema } from "@/lib/mentors/schemas";

export const dynamic = "force-dynamic";

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  const input = await readJson(request, commentCreateSchema);
  return json({ comment: await addComment(user.id, id, input) }, { status: 201 });
});
