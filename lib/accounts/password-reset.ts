import "server-only";
import { findUsableEmailToken, issueEmailToken, useEmailToken } from "@/lib/accounts/email-tokens";
import type { PasswordResetConfirmInput } from "@/lib/accounts/mail-schemas";
import { assertStrongPassword } from "@/lib/accounts/register-user";
import { revokeAllLoginSessions } from "@/lib/auth/login-sessions";
import { hashPassword } from "@/lib/auth/password";
import { beginLoginAttempt, describeWait } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { runInBackground } from "@/lib/mail/background";
import { appLink } from "@/lib/mail/links";
import { passwordChangedMail, passwordResetMail, passwordResetWithoutPasswordMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";

// Password recovery (OWASP ASVS 5.0 §6.4). The request answers the same way, just as fast,
// whether or not an account exists: everything that depends on the account (lookup, token,
// mail) runs after the response, in the background.

export const RESET_TOKEN_MINUTES = 30;

/**
 * Accepts a reset request. Counted against the sign-in limits of the email and of the client
 * address, so the reset form is no way around them; then the mail is sent in the background.
 */
export async function requestPasswordReset(email: string, context: { ip: string; origin: string }): Promise<void> {
  try {
    await beginLoginAttempt(email, context.ip);
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") {
      const wait = error.retryAfter ? `in ${describeWait(error.retryAfter)}` : "later";
      throw new AppError("rate_limited", `Too many reset requests. Try again ${wait}.`, { retryAfter: error.retryAfter });
    }
    throw error;
  }
  runInBackground("password reset mail", () => mailPasswordReset(email, context.origin));
}

async function mailPasswordReset(email: string, origin: string): Promise<void> {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, name: true, passwordHash: true } });
  if (!user) return;
  if (!user.passwordHash) {
    await sendMail({ to: email, ...passwordResetWithoutPasswordMail({ name: user.name, signInLink: appLink(origin, "/signin") }) });
    return;
  }
  const token = await issueEmailToken(user.id, "password_reset", email, RESET_TOKEN_MINUTES * 60_000);
  await sendMail({ to: email, ...passwordResetMail({ name: user.name, link: appLink(origin, "/reset-password", { token }), validMinutes: RESET_TOKEN_MINUTES }) });
}

/**
 * Sets the new password from a reset link and ends every session of the person. The link is
 * used up only when the password is accepted, so a too-weak choice can be corrected.
 */
export async function resetPassword(input: PasswordResetConfirmInput, context: { origin: string }): Promise<void> {
  const db = getDb();
  const row = await findUsableEmailToken("password_reset", input.token);
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { id: true, email: true, name: true } });
  if (!user) throw new AppError("invalid_input", "token: This link is used, expired or not valid. Ask for a new one.", { field: "token" });
  assertStrongPassword(input.password, user, "password");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await useEmailToken(row, tx);
    // Following a link mailed to the address also proves the person reads it.
    const confirmed = row.email === user.email ? { emailVerified: new Date() } : {};
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 }, ...confirmed } });
    await revokeAllLoginSessions(user.id, tx);
  });
  runInBackground("password changed notice", () =>
    sendMail({ to: user.email, ...passwordChangedMail({ name: user.name, forgotLink: appLink(context.origin, "/forgot-password") }) }),
  );
}
