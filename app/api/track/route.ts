import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { setTrack } from "@/lib/progress";
import { setTrackSchema } from "@/lib/progress/schemas";

export const dynamic = "force-dynamic";

export const PUT = route(async (request) => {
  const user = await requireUser(request);
  const { trackId } = await readJson(request, setTrackSchema);
  return json(await setTrack(user.id, trackId));
});
