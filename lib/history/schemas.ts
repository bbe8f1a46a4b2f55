import { z } from "zod";

export const HISTORY_PAGE_MAX = 100;
export const HISTORY_PAGE_DEFAULT = 30;

/** Query string of GET /api/history. */
export const historyQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_DEFAULT),
});

export type HistoryQuery = z.input<typeof historyQuerySchema>;
