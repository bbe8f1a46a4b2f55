import "server-only";
import crypto from "node:crypto";
import { type CheckableKind, getCatalogItem, isCheckableKind } from "@/lib/catalog";
import { type Db, getDb, readRows, sql, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CreateCertification, MAX_CUSTOM_CERTIFICATIONS, type UpdateCertification } from "./schemas";
import type { CustomCertification } from "./types";

export const CUSTOM_CERTIFICATION_PREFIX = "custom-";

/** A fresh id; never a catalog slug, since no catalog id starts with the prefix. */
export function newCustomCertificationId(): string {
  return `${CUSTOM_CERTIFICATION_PREFIX}${crypto.randomBytes(12).toString("hex")}`;
}

/** `input` is parsed by the caller with createCertificationSchema. */
export async function createCustomCertification(userId: string, input: CreateCertification): Promise<CustomCertification> {
  const { title, issuer } = input;
  return getDb().$transaction(async (tx) => {
    const count = await tx.customCertification.count({ where: { userId } });
    if (count >= MAX_CUSTOM_CERTIFICATIONS) {
      throw new AppError("conflict", `You can add at most ${MAX_CUSTOM_CERTIFICATIONS} certifications of your own.`);
    }
    const row = await tx.customCertification.create({ data: { id: newCustomCertificationId(), userId, title, issuer } });
    return { id: row.id, title: row.title, issuer: row.issuer };
  });
}

/** Renames one of this person's own certifications; another person's is "not found". */
export async function updateCustomCertification(userId: string, id: string, input: UpdateCertification): Promise<CustomCertification> {
  const { count } = await getDb().customCertification.updateMany({ where: { id, userId }, data: input });
  if (count === 0) throw notFoundCertification(id);
  const row = await getDb().customCertification.findFirstOrThrow({ where: { id, userId } });
  return { id: row.id, title: row.title, issuer: row.issuer };
}

/**
 * Removes one of this person's own certifications and its checklist row. Its history stays:
 * a last event records the removal with the title ({"title": [title, null]}), so the history
 * page can still name it.
 */
export async function removeCustomCertification(userId: string, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const cert = await tx.customCertification.findFirst({ where: { id, userId } });
    if (!cert) throw notFoundCertification(id);
    const row = await tx.progress.findFirst({ where: { userId, itemId: id } });
    await tx.progressEvent.create({
      data: { userId, itemId: id, fromStatus: row?.status ?? null, toStatus: "todo", changes: JSON.stringify({ title: [cert.title, null] }) },
    });
    await tx.progress.deleteMany({ where: { userId, itemId: id } });
    await tx.customCertification.delete({ where: { id: cert.id } });
  });
}

/** Titles of this person's removed certifications among `itemIds`, from their removal events. */
export async function removedCertificationTitles(userId: string, itemIds: readonly string[]): Promise<Map<string, string>> {
  const ids = itemIds.filter((id) => id.startsWith(CUSTOM_CERTIFICATION_PREFIX));
  const titles = new Map<string, string>();
  if (ids.length === 0) return titles;
  const events = await getDb().progressEvent.findMany({
    where: { userId, itemId: { in: ids }, changes: { contains: '"title"' } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { itemId: true, changes: true },
  });
  for (const event of events) {
    if (titles.has(event.itemId)) continue;
    try {
      const title: unknown = (JSON.parse(event.changes) as { title?: unknown[] }).title?.[0];
      if (typeof title === "string") titles.set(event.itemId, title);
    } catch {
      // A row that is not JSON names nothing.
    }
  }
  return titles;
}

function notFoundCertification(id: string): AppError {
  return new AppError("not_found", `You have no certification "${id.slice(0, 128)}".`);
}

/** This person's own certifications, oldest first. One query, on lib/db's fast read path (every progress read makes it). */
export async function listCustomCertifications(userId: string): Promise<CustomCertification[]> {
  return readRows<CustomCertification>(sql`
    SELECT "id", "title", "issuer" FROM "CustomCertification"
    WHERE "userId" = ${userId} ORDER BY "createdAt" ASC, "id" ASC`);
}

/**
 * The kind of an item this person may set a status on: a checkable catalog item, or one of
 * THEIR OWN certifications. Anything else, another person's certification included, is
 * "not found", so ids of other people's data cannot be probed.
 */
export async function findCheckableItemKind(userId: string, itemId: string, db: Db | Tx = getDb()): Promise<CheckableKind> {
  const kind = checkableCatalogKind(itemId);
  if (kind) return kind;
  const own = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "CustomCertification" WHERE "id" = ${itemId} AND "userId" = ${userId}`;
  if (own.length === 0) throw notCheckable(itemId);
  return "certification";
}

/**
 * The kind of a checkable catalog item; null for an id shaped like a person's own
 * certification, which only a query can confirm. Throws not_found for anything else.
 */
export function checkableCatalogKind(itemId: string): CheckableKind | null {
  const ref = getCatalogItem(itemId);
  if (ref) {
    if (isCheckableKind(ref.kind)) return ref.kind;
    throw notCheckable(itemId);
  }
  if (!itemId.startsWith(CUSTOM_CERTIFICATION_PREFIX)) throw notCheckable(itemId);
  return null;
}

export function notCheckable(itemId: string): AppError {
  return new AppError("not_found", `There is no checklist item "${itemId.slice(0, 128)}".`);
}
