import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runInBackground } from "@/lib/mail/background";
import { appLink } from "@/lib/mail/links";
import { mentorInvitationMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";
import { createSecretToken } from "@/lib/tokens";
import type { AccessLevel, MentorInviteInput } from "./schemas";
import type { InvitationDto } from "./types";

export const INVITATION_DAYS = 14;
/** Open invitations one person may have at a time. */
export const MAX_OPEN_INVITATIONS = 20;

export const ACCEPT_PATH = "/mentoring/accept";

/** What a mentor at each level sees, for the invitation mail. */
const ACCESS_IN_WORDS: Record<AccessLevel, string> = {
  summary: "where they stand on the ladder and their progress",
  checklist: "where they stand, their progress and the status and dates of each item",
  notes: "where they stand, their progress, each item's status and dates, and their notes and evidence links",
};

/**
 * Invites someone to mentor `userId`. The one place an invitation link is made: it is mailed to
 * the invitee and also returned, for the person to copy should the mail not arrive.
 */
export async function createMentorInvitation(userId: string, input: MentorInviteInput, origin: string): Promise<{ invitation: InvitationDto; url: string }> {
  const db = getDb();
  const me = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!me) throw new AppError("unauthorized", "Sign in to continue.");
  if (me.email === input.email) throw new AppError("invalid_input", "email: Invite someone else: you cannot mentor yourself.", { field: "email" });
  const now = new Date();
  const open = await db.mentorInvitation.count({ where: { userId, acceptedAt: null, expiresAt: { gt: now } } });
  if (open >= MAX_OPEN_INVITATIONS) throw new AppError("conflict", `You have ${MAX_OPEN_INVITATIONS} open invitations. Cancel one before inviting someone else.`);
  const { token, hash } = createSecretToken();
  const row = await db.mentorInvitation.create({
    data: { userId, email: input.email, access: input.access, tokenHash: hash, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) },
  });
  const url = appLink(origin, ACCEPT_PATH, { token });
  const inviterName = me.name?.trim() || me.email;
  // Sent after the answer: a slow or absent SMTP server never fails the invitation (the link is shown).
  runInBackground("mentor invitation mail", () =>
    sendMail({ to: input.email, ...mentorInvitationMail({ inviterName, access: ACCESS_IN_WORDS[input.access], link: url, validDays: INVITATION_DAYS }) }),
  );
  return { invitation: toInvitationDto(row), url };
}

export function toInvitationDto(row: { id: string; email: string; access: string; expiresAt: Date }): InvitationDto {
  return { id: row.id, email: row.email, access: row.access as AccessLevel, expiresAt: row.expiresAt.toISOString() };
}
