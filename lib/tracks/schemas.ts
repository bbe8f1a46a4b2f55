import { z } from "zod";
import { TRACKS, type TrackId } from "@/lib/catalog";

const TRACK_IDS = TRACKS.map((t) => t.id) as [TrackId, ...TrackId[]];

export const trackIdSchema = z.enum(TRACK_IDS, { error: "must be one of the 5 career tracks" });

/** Body of PUT /api/track: the person's focus track, or null for none. */
export const setTrackSchema = z.strictObject({ trackId: trackIdSchema.nullable() });

export type SetTrackInput = z.input<typeof setTrackSchema>;
