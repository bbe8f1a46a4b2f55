import { requireUser } from "@/lib/auth/session";
import { importUserData } from "@/lib/export";
import { IMPORT_MAX_BYTES, importEnvelopeSchema } from "@/lib/export/schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

// An export with years of history is larger than the 16 kB every other body may be. The
// history entries are checked by importUserData, in slices, so a large file blocks no one.
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const file = await readJson(request, importEnvelopeSchema, IMPORT_MAX_BYTES);
  const result = await importUserData(user.id, file);
  return json(result);
});
