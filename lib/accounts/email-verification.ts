import "server-only";
import { confirmPassword } from "@/lib/accounts/confirm-password";
import { findUsableEmailToken, issueEmailToken, useEmailToken } from "@/lib/accounts/email-tokens";
import type { ChangeEmailInput, VerifyEmailInput } from "@/lib/accounts/mail-schemas";
import { beginLoginAttempt } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runInBackground } from "@/lib/mail/background";
import { appLink } from "@/lib/mail/links";
import { confirmEmailMail, emailChangedMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";

// Email confirmation: an unconfirmed account works, but reminders only go to confirmed
// addresses, so Ladder never mails reminders to an address typed in by mistake.

export const CONFIRM_TOKEN_HOURS = 24;

/** Mails a confirmation link to the account's current address, in the background. */
export function startEmailConfirmation(userId: string, origin: string): void {
  runInBackground("email confirmation mail", async () => {
    const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true, emailVerified: true } });
    if (!user || user.emailVerified) return;
    const token = await issueEmailToken(userId, "verify_email", user.email, CONFIRM_TOKEN_HOURS * 3_600_000);
    await sendMail({ to: user.email, ...confirmEmailMail({ name: user.name, link: appLink(origin, "/verify-email", { token }), validHours: CONFIRM_TOKEN_HOURS }) });
  });
}

/** "Send the link again" from settings; throttled like sign-in attempts. */
export async function resendEmailConfirmation(userId: string, context: { ip: string; origin: string }): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (user.emailVerified) throw new AppError("conflict", "Your email address is already confirmed.");
  await beginLoginAttempt(user.email, context.ip);
  startEmailConfirmation(userId, context.origin);
}

/** Confirms the address a link was sent to, while it is still the account's address. */
export async function confirmEmail(input: VerifyEmailInput): Promise<{ email: string }> {
  const db = getDb();
  const row = await findUsableEmailToken("verify_email", input.token);
  await db.$transaction(async (tx) => {
    await useEmailToken(row, tx);
    const { count } = await tx.user.updateMany({ where: { id: row.userId, email: row.email }, data: { emailVerified: new Date() } });
    if (count !== 1) throw new AppError("invalid_input", "token: This link was sent to an address the account no longer uses.", { field: "token" });
  });
  return { email: row.email };
}

/**
 * Changes the account's email (password required). The new address starts unconfirmed and
 * gets a confirmation link; the old one is told, so a takeover does not go unnoticed.
 */
export async function changeEmail(userId: string, input: ChangeEmailInput, context: { ip: string; origin: string }): Promise<{ email: string; emailConfirmed: boolean }> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (!user.passwordHash) {
    throw new AppError("invalid_input", "password: This account signs in with GitHub or Google and has no password.", { field: "password" });
  }
  await confirmPassword({ email: user.email, passwordHash: user.passwordHash }, input.password, { ip: context.ip, field: "password" });
  if (input.email === user.email) throw new AppError("invalid_input", "email: This is already your email address.", { field: "email" });
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { email: input.email, emailVerified: null } });
      await tx.emailToken.deleteMany({ where: { userId, usedAt: null } });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "email: Another account uses this email address.", { field: "email" });
    throw error;
  }
  startEmailConfirmation(userId, context.origin);
  runInBackground("email changed notice", () =>
    sendMail({ to: user.email, ...emailChangedMail({ name: user.name, newEmail: input.email, forgotLink: appLink(context.origin, "/forgot-password") }) }),
  );
  return { email: input.email, emailConfirmed: false };
}
