import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { setItemProgress } from "@/lib/progress";
import { progressUpdateSchema } from "@/lib/progress/schemas";

export const dynamic = "force-dynamic";

export const PUT = route<{ params: Promise<{ itemId: string }> }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { itemId } = await params;
  const input = await readJson(request, progressUpdateSchema);
  const item = await setItemProgress(user.id, itemId, input);
  return json({ item });
});
