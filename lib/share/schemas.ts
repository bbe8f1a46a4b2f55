import { z } from "zod";

// Inputs of /api/share, shared by the settings form and the handlers.

/** POST /api/share: turns the page on (or rotates its link); the body may be empty. */
export const shareCreateSchema = z.object({ showChecklist: z.boolean().optional() }).strict();
export type ShareCreateInput = z.output<typeof shareCreateSchema>;

/** PATCH /api/share: what the page shows, without changing the link. */
export const shareUpdateSchema = z.object({ showChecklist: z.boolean() }).strict();
export type ShareUpdateInput = z.output<typeof shareUpdateSchema>;
