import { z } from "zod";

// The email address rule, shared by sign-in (lib/auth/credentials.ts) and the account forms
// (lib/accounts/schemas.ts). It lives here, below both, so lib/auth never imports lib/accounts.

export const EMAIL_MAX_LENGTH = 254;

/** Trimmed and lower-cased: addresses are stored and compared case-insensitively. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, { error: `Use at most ${EMAIL_MAX_LENGTH} characters.` })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));
