import { z } from "zod";
import { isoDateSchema } from "@/lib/progress/schemas";

// Input rules of the learning plan, shared by the plan card's form and PUT /api/plan.

/** Body of PUT /api/plan: omitted keeps the stored value, null clears it. */
export const planUpdateSchema = z.strictObject({
  targetRungId: z.string().min(1).max(64).nullable().optional(),
  targetDate: isoDateSchema.nullable().optional(),
});

export type PlanUpdateInput = z.input<typeof planUpdateSchema>;
export type PlanUpdate = z.output<typeof planUpdateSchema>;
