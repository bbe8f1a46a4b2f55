import "server-only";
import type { ItemStatus } from "@/lib/catalog";
import { readRows, sql } from "@/lib/db";
import type { ProgressItem } from "./types";

export type ProgressRowLike = {
  itemId: string;
  status: string;
  completedOn: string | null;
  expiresOn: string | null;
  note: string | null;
  evidenceUrl: string | null;
  targetOn: string | null;
  /** A Date from Prisma, ISO text from readRows. */
  updatedAt: Date | string;
  /** From the CertificationVerification row, when there is one. */
  verifiedBy?: string | null;
  verifiedIssuerId?: string | null;
  verifiedMethod?: string | null;
  verifiedAt?: Date | string | number | null;
};

export function toProgressItem(row: ProgressRowLike): ProgressItem {
  return {
    itemId: row.itemId,
    // Only validated statuses are ever written (lib/progress/schemas.ts).
    status: row.status as ItemStatus,
    completedOn: row.completedOn,
    expiresOn: row.expiresOn,
    note: row.note,
    evidenceUrl: row.evidenceUrl,
    targetOn: row.targetOn ?? null,
    updatedAt: new Date(row.updatedAt).toISOString(),
    // Present only on verified rows, so every other row keeps its shape.
    ...(row.verifiedBy && row.verifiedAt
      ? { verification: { issuer: row.verifiedBy, issuerId: row.verifiedIssuerId ?? "", method: row.verifiedMethod ?? "", verifiedAt: new Date(row.verifiedAt).toISOString() } }
      : {}),
  };
}

/**
 * Every stored row of one person, in a stable order. One query, on lib/db's fast read path:
 * every page and API call that shows progress makes it.
 */
export async function loadProgressItems(userId: string): Promise<ProgressItem[]> {
  const rows = await readRows<ProgressRowLike>(sql`
    SELECT p."itemId", p."status", p."completedOn", p."expiresOn", p."note", p."evidenceUrl", p."targetOn", p."updatedAt",
      v."issuerName" AS "verifiedBy", v."issuerId" AS "verifiedIssuerId", v."method" AS "verifiedMethod", v."verifiedAt" AS "verifiedAt"
    FROM "Progress" p
    LEFT JOIN "CertificationVerification" v ON v."userId" = p."userId" AND v."itemId" = p."itemId"
    WHERE p."userId" = ${userId} ORDER BY p."itemId" ASC`);
  return rows.map(toProgressItem);
}
