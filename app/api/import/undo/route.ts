import { requireUser } from "@/lib/auth/session";
import { undoImport } from "@/lib/data-transfer";
import { importUndoSchema } from "@/lib/data-transfer/schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Puts back what the last import replaced, once, within minutes of it (decision record 016). */
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const { id } = await readJson(request, importUndoSchema);
  return json(await undoImport(user.id, id));
});
