// PLACEHOLDER until the accounts branch merges: replaced wholesale.
import "server-only";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";

export type SessionUser = { id: string; email: string; name: string | null; trackId: string | null };

/** The signed-in person, or null. This placeholder knows no sessions: everyone is signed out. */
export async function getSessionUser(_request?: Request): Promise<SessionUser | null> {
  return null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AppError("unauthorized", "Please sign in.");
  return user;
}

export async function requirePageUser(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
