import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromZodError } from "@/lib/http";
import { type SetTrackInput, setTrackSchema } from "./schemas";

/** Sets (or with null clears) the career track this person focuses on. */
export async function setTrack(userId: string, trackId: SetTrackInput["trackId"]): Promise<{ trackId: string | null }> {
  const parsed = setTrackSchema.safeParse({ trackId });
  if (!parsed.success) throw fromZodError(parsed.error);
  const { count } = await getDb().user.updateMany({ where: { id: userId }, data: { trackId: parsed.data.trackId } });
  if (count === 0) throw new AppError("unauthorized", "Please sign in again.");
  return { trackId: parsed.data.trackId };
}
