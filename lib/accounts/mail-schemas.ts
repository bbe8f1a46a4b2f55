// Input schemas of the mail-backed account flows (password reset, email confirmation, change
// of email). Strict, like the other account schemas: unknown fields are refused.
import { z } from "zod";
import { currentPasswordSchema, newPasswordSchema } from "@/lib/accounts/schemas";
import { emailSchema } from "@/lib/auth/email";

/** A token from a mailed link: 32 random bytes in base64url (43 characters). */
export const emailTokenSchema = z
  .string({ error: "The link is not valid." })
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "The link is not valid. Ask for a new one." });

export const PasswordResetRequestInput = z.strictObject({ email: emailSchema });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>;

export const PasswordResetConfirmInput = z.strictObject({ token: emailTokenSchema, password: newPasswordSchema });
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirmInput>;

export const VerifyEmailInput = z.strictObject({ token: emailTokenSchema });
export type VerifyEmailInput = z.infer<typeof VerifyEmailInput>;

export const ChangeEmailInput = z.strictObject({ email: emailSchema, password: currentPasswordSchema });
export type ChangeEmailInput = z.infer<typeof ChangeEmailInput>;
