import { requireUser } from "@/lib/auth/session";
import { importUserData } from "@/lib/data-transfer";
import { withImportSlot } from "@/lib/data-transfer/import-slot";
import { IMPORT_MAX_BYTES, importFileSchema } from "@/lib/data-transfer/schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

// An export with years of history is larger than the 16 kB every other body may be. The
// schema checks the history entries in slices, so a large file blocks no one. One import
// runs at a time per instance; the slot is taken before the body is read.
export const POST = route(async (request) => {
  const user = await requireUser(request);
  return withImportSlot(async () => {
    const file = await readJson(request, importFileSchema, IMPORT_MAX_BYTES);
    const result = await importUserData(user.id, file);
    return json(result);
  });
});
