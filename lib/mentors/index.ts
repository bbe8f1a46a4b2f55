import "server-only";
import { ASPIRING_TITLE, getCatalogItem, isCheckableItemId } from "@/lib/catalog";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateLadder } from "@/lib/ladder";
import { loadUserProgress } from "@/lib/progress";
import { checklistSections } from "@/lib/progress/checklist";
import { forecastGoal } from "@/lib/plan";
import { toSharedPlan } from "@/lib/share/summary";
import { hashSecretToken, isSecretTokenShape, sameHash } from "@/lib/tokens";
import { toInvitationDto } from "./invite";
import type { AccessLevel, CommentCreateInput, MentorAcceptInput, MentorUpdateInput } from "./schemas";
import type { CommentDto, MenteeGoal, MenteeItem, MenteeRow, MenteeView, MentorsList } from "./types";

export { createMentorInvitation } from "./invite";

// Mentoring with consent. A person grants a mentor read access at a level; every mentor
// request re-reads the grant (no cache), so a revoke or a lower level applies to the next one.
// Mentors only read and comment: nothing here writes another person's progress.

const notFound = () => new AppError("not_found", "No such person among the people you mentor.");

// The person's side.

export async function listMentors(userId: string): Promise<MentorsList> {
  const db = getDb();
  const [grants, invitations] = await Promise.all([
    db.mentorGrant.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, access: true, createdAt: true, lastViewedAt: true, mentor: { select: { name: true, email: true } } },
    }),
    db.mentorInvitation.findMany({ where: { userId, acceptedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    mentors: grants.map((g) => ({
      id: g.id,
      name: g.mentor.name,
      email: g.mentor.email,
      access: g.access as AccessLevel,
      since: g.createdAt.toISOString(),
      lastViewedAt: g.lastViewedAt?.toISOString() ?? null,
    })),
    invitations: invitations.map(toInvitationDto),
  };
}

export async function setMentorAccess(userId: string, grantId: string, input: MentorUpdateInput): Promise<void> {
  const { count } = await getDb().mentorGrant.updateMany({ where: { id: grantId, userId }, data: { access: input.access } });
  if (count === 0) throw new AppError("not_found", "No such mentor.");
}

/** Revokes a mentor (a grant) or cancels an open invitation, whichever `id` names. */
export async function revokeMentor(userId: string, id: string): Promise<void> {
  const db = getDb();
  const grants = await db.mentorGrant.deleteMany({ where: { id, userId } });
  if (grants.count > 0) return;
  const invitations = await db.mentorInvitation.deleteMany({ where: { id, userId, acceptedAt: null } });
  if (invitations.count === 0) throw new AppError("not_found", "No such mentor or invitation.");
}

export async function listComments(userId: string): Promise<CommentDto[]> {
  const { catalog } = await loadUserProgress(userId);
  const rows = await getDb().mentorComment.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, itemId: true, text: true, createdAt: true, author: { select: { name: true, email: true } } },
  });
  return rows.map((row) => toCommentDto(row, catalog, row.author.name ?? row.author.email));
}

export async function deleteComment(userId: string, commentId: string): Promise<void> {
  const { count } = await getDb().mentorComment.deleteMany({ where: { id: commentId, userId } });
  if (count === 0) throw new AppError("not_found", "No such comment.");
}

// The mentor's side.

const INVALID_INVITATION = "This invitation link has expired or was already used. Ask for a new one.";

/** Accepts an invitation as the signed-in `mentorId`: single-use, before it expires. */
export async function acceptInvitation(mentorId: string, input: MentorAcceptInput): Promise<{ id: string; name: string | null }> {
  if (!isSecretTokenShape(input.token)) throw new AppError("invalid_input", INVALID_INVITATION, { field: "token" });
  const hash = hashSecretToken(input.token);
  const db = getDb();
  const invitation = await db.mentorInvitation.findUnique({ where: { tokenHash: hash }, include: { user: { select: { name: true } } } });
  const now = new Date();
  if (!invitation || !sameHash(invitation.tokenHash, hash) || invitation.acceptedAt || invitation.expiresAt <= now) {
    throw new AppError("invalid_input", INVALID_INVITATION, { field: "token" });
  }
  if (invitation.userId === mentorId) throw new AppError("invalid_input", "This is your own invitation: send the link to your mentor.", { field: "token" });
  return db.$transaction(async (tx) => {
    // Claimed with a conditional update, so two concurrent accepts cannot both succeed.
    const claimed = await tx.mentorInvitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw new AppError("invalid_input", INVALID_INVITATION, { field: "token" });
    const grant = await tx.mentorGrant.upsert({
      where: { userId_mentorId: { userId: invitation.userId, mentorId } },
      create: { userId: invitation.userId, mentorId, access: invitation.access },
      update: { access: invitation.access },
    });
    return { id: grant.id, name: invitation.user.name };
  });
}

async function findGrant(mentorId: string, grantId: string) {
  const grant = await getDb().mentorGrant.findFirst({
    where: { id: grantId, mentorId },
    select: { id: true, userId: true, access: true, user: { select: { name: true, email: true } } },
  });
  if (!grant) throw notFound();
  return { ...grant, access: grant.access as AccessLevel };
}

export async function listMentees(mentorId: string, today: string): Promise<MenteeRow[]> {
  const grants = await getDb().mentorGrant.findMany({
    where: { mentorId },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, access: true, user: { select: { name: true, email: true } } },
  });
  return Promise.all(
    grants.map(async (grant) => {
      const { catalog, items } = await loadUserProgress(grant.userId);
      const ladder = evaluateLadder(catalog, items, today);
      const { plan, forecast } = await forecastGoal(grant.userId, { catalog, items }, today);
      const goal: MenteeGoal | null =
        plan.targetRungId || plan.targetDate
          ? {
              rungId: forecast.targetRungId,
              rungTitle: ladder.levels.find((level) => level.id === forecast.targetRungId)?.title ?? null,
              date: plan.targetDate,
              reached: forecast.targetReached,
              weeksBehind: forecast.weeksBehind,
            }
          : null;
      const lastActivity = items.reduce<string | null>((latest, item) => (item.updatedAt && (!latest || item.updatedAt > latest) ? item.updatedAt : latest), null);
      return {
        id: grant.id,
        name: grant.user.name,
        email: grant.user.email,
        access: grant.access as AccessLevel,
        rungTitle: ladder.current?.title ?? ASPIRING_TITLE,
        rungId: ladder.current?.id ?? null,
        percentToNext: ladder.percentToNext,
        lastActivity,
        goal,
        onTrack: goal ? forecast.onTrack : null,
      };
    }),
  );
}

/** One person at the granted level; records when the mentor looked. */
export async function getMenteeView(mentorId: string, grantId: string, today: string): Promise<MenteeView> {
  const grant = await findGrant(mentorId, grantId);
  const db = getDb();
  const [{ catalog, items }, comments] = await Promise.all([
    loadUserProgress(grant.userId),
    db.mentorComment.findMany({
      where: { userId: grant.userId, authorId: mentorId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, itemId: true, text: true, createdAt: true },
    }),
  ]);
  await db.mentorGrant.updateMany({ where: { id: grant.id, mentorId }, data: { lastViewedAt: new Date() } });
  const { checklist: _never, ...plan } = toSharedPlan({ name: grant.user.name, catalog, items, ladder: evaluateLadder(catalog, items, today), withChecklist: false });
  const view: MenteeView = {
    id: grant.id,
    name: grant.user.name,
    email: grant.user.email,
    access: grant.access,
    plan,
    comments: comments.map((row) => toCommentDto(row, catalog, null)),
  };
  if (grant.access === "summary") return view;
  const rows = new Map(items.map((item) => [item.itemId, item]));
  view.items = checklistSections(catalog).flatMap((section) =>
    section.items.map((entry): MenteeItem => {
      const row = rows.get(entry.id);
      const item: MenteeItem = {
        itemId: entry.id,
        title: entry.title,
        section: section.title,
        status: row?.status ?? "todo",
        completedOn: row?.completedOn ?? null,
        expiresOn: row?.expiresOn ?? null,
      };
      if (grant.access === "notes") {
        item.note = row?.note ?? null;
        item.evidenceUrl = row?.evidenceUrl ?? null;
      }
      return item;
    }),
  );
  return view;
}

/** Comments one mentor may leave one person per day, so a dashboard cannot be flooded. */
export const COMMENTS_PER_DAY = 50;

export async function addComment(mentorId: string, grantId: string, input: CommentCreateInput): Promise<CommentDto> {
  const grant = await findGrant(mentorId, grantId);
  const since = new Date(Date.now() - 86_400_000);
  const recent = await getDb().mentorComment.count({ where: { userId: grant.userId, authorId: mentorId, createdAt: { gt: since } } });
  if (recent >= COMMENTS_PER_DAY) {
    throw new AppError("rate_limited", `You have left ${COMMENTS_PER_DAY} comments for this person today. Try again tomorrow.`, { retryAfter: 3600 });
  }
  const { catalog } = await loadUserProgress(grant.userId);
  if (input.itemId !== null && !isCheckableItemId(input.itemId, catalog)) {
    throw new AppError("invalid_input", "itemId: No such item on this person's checklist.", { field: "itemId" });
  }
  const row = await getDb().mentorComment.create({
    data: { userId: grant.userId, authorId: mentorId, itemId: input.itemId, text: input.text },
    select: { id: true, itemId: true, text: true, createdAt: true },
  });
  return toCommentDto(row, catalog, null);
}

function toCommentDto(
  row: { id: string; itemId: string | null; text: string; createdAt: Date },
  catalog: Parameters<typeof getCatalogItem>[1],
  authorName: string | null,
): CommentDto {
  return {
    id: row.id,
    itemId: row.itemId,
    itemTitle: row.itemId ? (getCatalogItem(row.itemId, catalog)?.item.title ?? null) : null,
    text: row.text,
    authorName,
    createdAt: row.createdAt.toISOString(),
  };
}
