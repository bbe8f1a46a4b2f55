// The password rules, shared by the sign-up form and the server. Pure: no I/O.
//
// OWASP ASVS 5.0 V6.2 / NIST SP 800-63B: at least 12 characters, at least 64 allowed, any
// Unicode, no composition rules, no truncation, and the password is used exactly as typed
// (no trimming, no normalisation). Common and guessable passwords are refused by the
// strength estimate in password-strength.ts.

export const PASSWORD_MIN_LENGTH = 12;
/** Argon2 has no input limit of its own; this only bounds the work one request can cause. */
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score (0–4) a new password needs: 3 means "safely unguessable" (~10^8 guesses and up). */
export const PASSWORD_MIN_SCORE = 3;

/** Length in Unicode code points, so "🔑" or "é" counts as one character, as a person would count it. */
export function passwordLength(password: string): number {
  return Array.from(password).length;
}

/** Why a password's length is not acceptable, or null when it is. */
export function passwordLengthProblem(password: string): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}
