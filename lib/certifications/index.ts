import "server-only";
import crypto from "node:crypto";
import { type CheckableKind, getCatalogItem, isCheckableKind } from "@/lib/catalog";
import { type Db, getDb, readRows, sql, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CreateCertification, MAX_CUSTOM_CERTIFICATIONS } from "./schemas";
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
  const ref = getCatalogItem(itemId);
  if (ref) {
    if (isCheckableKind(ref.kind)) return ref.kind;
    throw notFound(itemId);
  }
  if (!itemId.startsWith(CUSTOM_CERTIFICATION_PREFIX)) throw notFound(itemId);
  const own = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "CustomCertification" WHERE "id" = ${itemId} AND "userId" = ${userId}`;
  if (own.length === 0) throw notFound(itemId);
  return "certification";
}

function notFound(itemId: string): AppError {
  return new AppError("not_found", `There is no checklist item "${itemId.slice(0, 128)}".`);
}
