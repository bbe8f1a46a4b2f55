import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TrackId } from "@/lib/catalog";

/** Sets (or with null clears) the career track this person focuses on. */
export async function setTrack(userId: string, trackId: TrackId | null): Promise<{ trackId: string | null }> {
  const { count } = await getDb().user.updateMany({ where: { id: userId }, data: { trackId } });
  if (count === 0) throw new AppError("unauthorized", "Please sign in again.");
  return { trackId };
}
