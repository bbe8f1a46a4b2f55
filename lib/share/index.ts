import "server-only";
import { getDb } from "@/lib/db";
import { evaluateLadder } from "@/lib/ladder";
import { loadUserProgress } from "@/lib/progress";
import { createSecretToken, hashSecretToken, isSecretTokenShape, sameHash } from "@/lib/tokens";
import type { ShareCreateInput, ShareUpdateInput } from "./schemas";
import { toSharedPlan } from "./summary";
import type { SharedPlan, ShareSettings } from "./types";

// The opt-in public page. Off until the person turns it on; one link per person, stored as
// the SHA-256 of its token, so rotating or turning it off makes the old link 404 at once.

export const SHARE_PATH = "/share/";

function toSettings(row: { showChecklist: boolean; createdAt: Date } | null): ShareSettings {
  return row ? { isEnabled: true, showChecklist: row.showChecklist, createdAt: row.createdAt.toISOString() } : { isEnabled: false, showChecklist: false, createdAt: null };
}

export async function getShareSettings(userId: string): Promise<ShareSettings> {
  return toSettings(await getDb().shareLink.findUnique({ where: { userId } }));
}

/** Turns the page on, or gives it a new link (the old one stops working). Returns the token once. */
export async function createShareLink(userId: string, input: ShareCreateInput): Promise<{ token: string; share: ShareSettings }> {
  const { token, hash } = createSecretToken();
  const existing = await getDb().shareLink.findUnique({ where: { userId }, select: { showChecklist: true } });
  const showChecklist = input.showChecklist ?? existing?.showChecklist ?? false;
  const row = await getDb().shareLink.upsert({
    where: { userId },
    create: { userId, tokenHash: hash, showChecklist },
    update: { tokenHash: hash, showChecklist, createdAt: new Date() },
  });
  return { token, share: toSettings(row) };
}

export async function updateShareSettings(userId: string, input: ShareUpdateInput): Promise<ShareSettings> {
  const { count } = await getDb().shareLink.updateMany({ where: { userId }, data: { showChecklist: input.showChecklist } });
  if (count === 0) return toSettings(null);
  return getShareSettings(userId);
}

export async function deleteShareLink(userId: string): Promise<void> {
  await getDb().shareLink.deleteMany({ where: { userId } });
}

/** The public view behind a share token, or null (unknown, rotated or turned off). */
export async function getSharedPlan(token: string, today: string): Promise<SharedPlan | null> {
  if (!isSecretTokenShape(token)) return null;
  const hash = hashSecretToken(token);
  const link = await getDb().shareLink.findUnique({
    where: { tokenHash: hash },
    select: { tokenHash: true, showChecklist: true, user: { select: { id: true, name: true } } },
  });
  if (!link || !sameHash(link.tokenHash, hash)) return null;
  const { catalog, items } = await loadUserProgress(link.user.id);
  return toSharedPlan({ name: link.user.name, catalog, items, ladder: evaluateLadder(catalog, items, today), withChecklist: link.showChecklist });
}
