import type { ItemStatus } from "@/lib/catalog";
import type { SharedPlan } from "@/lib/share/types";
import type { AccessLevel } from "./schemas";

// DTOs of the mentoring API (types only, shared with client components).

/** A created invitation; `url` carries the secret token and is shown once. */
export type InvitationDto = { id: string; email: string; access: AccessLevel; expiresAt: string };

export type MentorDto = {
  id: string;
  name: string | null;
  email: string;
  access: AccessLevel;
  since: string;
  /** When the mentor last opened this person's view; null if never. */
  lastViewedAt: string | null;
};

export type MentorsList = { mentors: MentorDto[]; invitations: InvitationDto[] };

/** One row of the mentor's table. `id` is the grant's id, the handle for /mentoring/<id>. */
export type MenteeRow = {
  id: string;
  name: string | null;
  email: string;
  access: AccessLevel;
  rungTitle: string;
  rungId: string | null;
  percentToNext: number;
  /** The latest change to any checklist item; null if none. */
  lastActivity: string | null;
  /** The person's goal from their plan (every access level: it is position and progress); null without one. */
  goal: MenteeGoal | null;
  /** Against the goal's date at the person's own pace; null without a date or a pace. */
  onTrack: boolean | null;
};

export type MenteeGoal = {
  /** The target rung, or the next rung when only a date is set; null at the top of the ladder. */
  rungId: string | null;
  rungTitle: string | null;
  date: string | null;
  reached: boolean;
  /** Whole weeks the projection lies after the date; null when unknown. */
  weeksBehind: number | null;
};

export type MenteeItem = {
  itemId: string;
  title: string;
  section: string;
  status: ItemStatus;
  completedOn: string | null;
  expiresOn: string | null;
  /** Only at the "notes" level. */
  note?: string | null;
  evidenceUrl?: string | null;
};

export type CommentDto = { id: string; itemId: string | null; itemTitle: string | null; text: string; authorName: string | null; createdAt: string };

/** What a mentor sees of one person, cut to the granted level. */
export type MenteeView = {
  id: string;
  name: string | null;
  email: string;
  access: AccessLevel;
  plan: Omit<SharedPlan, "checklist">;
  /** Absent at the "summary" level. */
  items?: MenteeItem[];
  /** The mentor's own comments to this person, newest first. */
  comments: CommentDto[];
};
