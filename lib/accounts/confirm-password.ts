import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { beginLoginAttempt } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

/**
 * Checks the password a signed-in person typed to confirm a sensitive change. Wrong answers
 * count against the same limits as sign-in, so a stolen session cannot be used to guess the
 * password here instead.
 */
export async function confirmPassword(
  user: { email: string; passwordHash: string },
  password: string,
  context: { ip: string; field: string },
): Promise<void> {
  const attempt = await beginLoginAttempt(user.email, context.ip);
  const { isValid } = await verifyPassword(password, user.passwordHash);
  if (!isValid) throw new AppError("invalid_input", `${context.field}: The password is not correct.`, { field: context.field });
  await attempt.succeeded();
}
