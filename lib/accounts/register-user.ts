import "server-only";
import type { PublicUser } from "@/lib/accounts/dto";
import type { RegisterInput } from "@/lib/accounts/schemas";
import { hashPassword } from "@/lib/auth/password";
import { estimatePasswordStrength, userInputsFor } from "@/lib/auth/password-strength";
import { countRegistration } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Rejects a password that is too easy to guess, naming the field it came from. */
export function assertStrongPassword(password: string, details: { email?: string | null; name?: string | null }, field: string): void {
  const strength = estimatePasswordStrength(password, userInputsFor(details));
  if (!strength.isAcceptable) throw new AppError("invalid_input", `${field}: ${strength.problem}`, { field });
}

/**
 * Creates an account. The email is already lower-cased by the schema, and the unique index on
 * it makes "taken" a 409 even when two sign-ups for one address race.
 */
export async function registerUser(input: RegisterInput, context: { ip: string }): Promise<PublicUser> {
  await countRegistration(context.ip);
  assertStrongPassword(input.password, input, "password");
  const db = getDb();
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  }
}

function emailTaken(): AppError {
  return new AppError("conflict", "An account with this email already exists. Sign in instead.", { field: "email" });
}
