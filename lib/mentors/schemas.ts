import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";

// Inputs of the mentoring API, shared by the forms and the handlers. Strict: unknown fields 400.

export const ACCESS_LEVELS = ["summary", "checklist", "notes"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const accessLevelSchema = z.enum(ACCESS_LEVELS, { error: 'Choose "summary", "checklist" or "notes".' });

export const ACCESS_LABELS: Record<AccessLevel, string> = {
  summary: "Summary: position and progress",
  checklist: "Checklist: plus item statuses and dates",
  notes: "Notes: plus notes and evidence links",
};

export const COMMENT_MAX_LENGTH = 2000;

export const mentorInviteSchema = z.strictObject({
  email: emailSchema,
  access: accessLevelSchema,
});
export type MentorInviteInput = z.output<typeof mentorInviteSchema>;

export const mentorAcceptSchema = z.strictObject({
  token: z.string({ error: "The invitation link is incomplete." }).min(1).max(100, { error: "The invitation link is not valid." }),
});
export type MentorAcceptInput = z.output<typeof mentorAcceptSchema>;

export const mentorUpdateSchema = z.strictObject({ access: accessLevelSchema });
export type MentorUpdateInput = z.output<typeof mentorUpdateSchema>;

export const commentCreateSchema = z.strictObject({
  itemId: z.string().trim().min(1).max(200).nullable(),
  text: z
    .string({ error: "Write a comment." })
    .trim()
    .min(1, { error: "Write a comment." })
    .max(COMMENT_MAX_LENGTH, { error: `Use at most ${COMMENT_MAX_LENGTH} characters.` }),
});
export type CommentCreateInput = z.output<typeof commentCreateSchema>;
