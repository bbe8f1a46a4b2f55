import "server-only";
import { emailSchema } from "@/lib/auth/email";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX_LENGTH, passwordLength } from "@/lib/auth/password-policy";
import { getDb } from "@/lib/db";

export type VerifiedUser = { id: string; email: string; name: string | null };

/**
 * The user whose email and password these are, or null. An unknown email, an account with no
 * password and a wrong password all take one database lookup and one Argon2 verification,
 * so neither the answer nor its timing tells whether an account exists.
 */
export async function verifyCredentials(email: unknown, password: unknown): Promise<VerifiedUser | null> {
  const parsedEmail = emailSchema.safeParse(email);
  const candidate = typeof password === "string" && passwordLength(password) <= PASSWORD_MAX_LENGTH ? password : "";
  const user = parsedEmail.success
    ? await getDb().user.findUnique({ where: { email: parsedEmail.data }, select: { id: true, email: true, name: true, passwordHash: true } })
    : null;
  const { isValid, needsRehash } = await verifyPassword(candidate, user?.passwordHash);
  if (!user || !isValid || candidate === "") return null;
  if (needsRehash) {
    // The hash predates the current Argon2 parameters: upgrade it while the password is at hand.
    await getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(candidate) } });
  }
  return { id: user.id, email: user.email, name: user.name };
}
