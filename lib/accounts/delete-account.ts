import "server-only";
import { confirmPassword } from "@/lib/accounts/confirm-password";
import type { DeleteAccountInput } from "@/lib/accounts/schemas";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Deletes the account and everything it owns, in one transaction: either all of it is gone
 * or nothing is. Needs the password (or, for an account with none, its email address).
 */
export async function deleteAccount(userId: string, input: DeleteAccountInput, context: { ip: string }): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (user.passwordHash) {
    if (input.password === undefined) throw new AppError("invalid_input", "password: Enter your password.", { field: "password" });
    await confirmPassword({ email: user.email, passwordHash: user.passwordHash }, input.password, { ip: context.ip, field: "password" });
  } else if (input.confirmEmail !== user.email) {
    throw new AppError("invalid_input", "confirmEmail: Type your email address to confirm.", { field: "confirmEmail" });
  }
  await db.$transaction([
    db.progressEvent.deleteMany({ where: { userId } }),
    db.progress.deleteMany({ where: { userId } }),
    db.customCertification.deleteMany({ where: { userId } }),
    db.shareLink.deleteMany({ where: { userId } }),
    db.mentorInvitation.deleteMany({ where: { userId } }),
    db.mentorGrant.deleteMany({ where: { OR: [{ userId }, { mentorId: userId }] } }),
    db.mentorComment.deleteMany({ where: { OR: [{ userId }, { authorId: userId }] } }),
    db.loginSession.deleteMany({ where: { userId } }),
    db.account.deleteMany({ where: { userId } }),
    db.session.deleteMany({ where: { userId } }),
    db.user.deleteMany({ where: { id: userId } }),
  ]);
}
