import { requireUser } from "@/lib/auth/session";
import { importUserData } from "@/lib/data-transfer";
import { exportFileSchema, IMPORT_MAX_BYTES } from "@/lib/data-transfer/schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

// An export with years of history is larger than the 16 kB every other body may be.
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const file = await readJson(request, exportFileSchema, IMPORT_MAX_BYTES);
  const result = await importUserData(user.id, file);
  return json(result);
});
