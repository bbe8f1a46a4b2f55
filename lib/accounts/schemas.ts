// Input schemas for accounts, shared by the forms and the route handlers. Strict: an unknown
// field is refused (400) rather than ignored. Passwords are taken exactly as typed: no
// trimming, no normalisation (see lib/auth/password-policy.ts).
import { z } from "zod";
import { EMAIL_MAX_LENGTH, emailSchema } from "@/lib/auth/email";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "@/lib/auth/password-policy";

export const NAME_MAX_LENGTH = 100;

/** A new password: length rules here; common and guessable passwords are refused by the strength check. */
export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .refine((value) => passwordLength(value) >= PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .refine((value) => passwordLength(value) <= PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

/** An existing password being checked: any non-empty string up to the maximum length. */
export const currentPasswordSchema = z
  .string({ error: "Enter your password." })
  .min(1, { error: "Enter your password." })
  .refine((value) => passwordLength(value) <= PASSWORD_MAX_LENGTH, { error: "This is not your password." });

/** Control characters, line breaks and bidirectional overrides, which could disguise a name shown to others. */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Optional display name: blank means none. */
export const nameSchema = z
  .string({ error: "Name must be text." })
  .trim()
  .max(NAME_MAX_LENGTH, { error: `Use at most ${NAME_MAX_LENGTH} characters.` })
  .refine((value) => !HIDDEN_CHARACTERS.test(value), { error: "Use letters, numbers, spaces and punctuation only." })
  .transform((value) => (value === "" ? null : value));

export const RegisterInput = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: nameSchema.nullish().transform((value) => value ?? null),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const UpdateProfileInput = z.strictObject({
  name: nameSchema.nullable().transform((value) => value ?? null),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/**
 * Deleting an account asks for the password; an account that only signs in through GitHub or
 * Google has none and confirms with its email address instead.
 */
export const DeleteAccountInput = z
  .strictObject({
    password: currentPasswordSchema.optional(),
    confirmEmail: z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH).optional(),
  })
  .refine((value) => value.password !== undefined || value.confirmEmail !== undefined, {
    error: "Enter your password.",
    path: ["password"],
  });
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;
