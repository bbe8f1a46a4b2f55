import "server-only";
import crypto from "node:crypto";
import argon2 from "argon2";

// Argon2id with OWASP's minimum parameters (Password Storage Cheat Sheet: m=19 MiB, t=2, p=1).
// Each hash stores its own parameters, so raising these later still verifies old hashes, and
// `verifyPassword` reports when a hash should be upgraded.
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export type VerifyResult = { isValid: boolean; needsRehash: boolean };

/**
 * Checks a password against a stored hash. With no hash (unknown email, or an account that
 * only signs in through GitHub or Google) a dummy hash is verified instead, so both cases
 * take as long as a wrong password and sign-in cannot tell who has an account.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<VerifyResult> {
  if (!hash) {
    await argon2.verify(await dummyHash(), password).catch(() => false);
    return { isValid: false, needsRehash: false };
  }
  let isValid = false;
  try {
    isValid = await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a failed check, not a server error.
    isValid = false;
  }
  return { isValid, needsRehash: isValid && argon2.needsRehash(hash, ARGON2_OPTIONS) };
}

let dummy: Promise<string> | undefined;

function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(32).toString("base64url"));
  return dummy;
}

// Made when the module loads, so the first unknown-email sign-in is not slower than the rest.
void dummyHash();
