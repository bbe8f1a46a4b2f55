import "server-only";
import { confirmPassword } from "@/lib/accounts/confirm-password";
import { assertStrongPassword } from "@/lib/accounts/register-user";
import type { ChangePasswordInput } from "@/lib/accounts/schemas";
import { revokeAllLoginSessions, type StartedSession, startLoginSession } from "@/lib/auth/login-sessions";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Sets a new password and ends every earlier session of the user; the device that made the
 * change gets a fresh session (returned), so it stays signed in.
 */
export async function changePassword(
  userId: string,
  input: ChangePasswordInput,
  context: { ip: string; userAgent: string | null },
): Promise<StartedSession> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (!user.passwordHash) {
    throw new AppError("invalid_input", "currentPassword: This account signs in with GitHub or Google and has no password.", { field: "currentPassword" });
  }
  await confirmPassword({ email: user.email, passwordHash: user.passwordHash }, input.currentPassword, { ip: context.ip, field: "currentPassword" });
  if (input.newPassword === input.currentPassword) {
    throw new AppError("invalid_input", "newPassword: Choose a password different from the current one.", { field: "newPassword" });
  }
  assertStrongPassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeAllLoginSessions(userId, tx);
    return startLoginSession(userId, context.userAgent, tx);
  });
}
