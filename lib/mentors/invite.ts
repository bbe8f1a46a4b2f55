import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSecretToken } from "@/lib/secret-token";
import type { AccessLevel, MentorInviteInput } from "./schemas";
import type { InvitationDto } from "./types";

export const INVITATION_DAYS = 14;
/** Open invitations one person may have at a time. */
export const MAX_OPEN_INVITATIONS = 20;

export const ACCEPT_PATH = "/mentoring/accept";

/**
 * Invites someone to mentor `userId`. The one place an invitation link is made: the link is
 * returned for the person to copy; a mailer call goes here when mail is configured.
 */
export async function createMentorInvitation(userId: string, input: MentorInviteInput, origin: string): Promise<{ invitation: InvitationDto; url: string }> {
  const db = getDb();
  const me = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!me) throw new AppError("unauthorized", "Sign in to continue.");
  if (me.email === input.email) throw new AppError("invalid_input", "email: Invite someone else: you cannot mentor yourself.", { field: "email" });
  const now = new Date();
  const open = await db.mentorInvitation.count({ where: { userId, acceptedAt: null, expiresAt: { gt: now } } });
  if (open >= MAX_OPEN_INVITATIONS) throw new AppError("conflict", `You have ${MAX_OPEN_INVITATIONS} open invitations. Cancel one before inviting someone else.`);
  const { token, hash } = createSecretToken();
  const row = await db.mentorInvitation.create({
    data: { userId, email: input.email, access: input.access, tokenHash: hash, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) },
  });
  const url = `${origin}${ACCEPT_PATH}?token=${token}`;
  return { invitation: toInvitationDto(row), url };
}

export function toInvitationDto(row: { id: string; email: string; access: string; expiresAt: Date }): InvitationDto {
  return { id: row.id, email: row.email, access: row.access as AccessLevel, expiresAt: row.expiresAt.toISOString() };
}
