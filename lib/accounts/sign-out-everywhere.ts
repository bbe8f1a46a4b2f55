import "server-only";
import { revokeAllLoginSessions } from "@/lib/auth/login-sessions";
import { getDb } from "@/lib/db";

/**
 * Ends every session of the user, on every device, this one included. Bumping the session
 * version also ends a session whose sign-in was in flight while this ran.
 */
export async function signOutEverywhere(userId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await revokeAllLoginSessions(userId, tx);
  });
}
