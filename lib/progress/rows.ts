import "server-only";
import type { ItemStatus } from "@/lib/catalog";
import { readRows, sql } from "@/lib/db";
import type { CustomCertification } from "@/lib/certifications/types";
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

/** A row of loadProgressRows: a progress row, or one of the person's own certifications (`title`, `issuer`). */
type ProgressOrCertificationRow = Omit<ProgressRowLike, "status" | "updatedAt"> & {
  source: "certification" | "progress";
  status: string | null;
  updatedAt: Date | string | null;
  title: string | null;
  issuer: string | null;
};

/**
 * Every stored row of one person, in a stable order (by item id), and their own
 * certifications, oldest first: one query on lib/db's fast read path, which every page and
 * API call that shows progress makes. One statement instead of two saves a round trip and
 * the database's work for a second statement on every such request (decision record 024);
 * `source` tells the two kinds of row apart, and the columns one kind lacks are NULL.
 */
export async function loadProgressRows(userId: string): Promise<{ items: ProgressItem[]; customCertifications: CustomCertification[] }> {
  const rows = await readRows<ProgressOrCertificationRow>(sql`
    SELECT 'progress' AS "source", p."itemId" AS "itemId", p."status", p."completedOn", p."expiresOn", p."note", p."evidenceUrl", p."targetOn", p."updatedAt",
      v."issuerName" AS "verifiedBy", v."issuerId" AS "verifiedIssuerId", v."method" AS "verifiedMethod", v."verifiedAt" AS "verifiedAt",
      NULL AS "title", NULL AS "issuer", NULL AS "createdAt"
    FROM "Progress" p
    LEFT JOIN "CertificationVerification" v ON v."userId" = p."userId" AND v."itemId" = p."itemId"
    WHERE p."userId" = ${userId}
    UNION ALL
    SELECT 'certification', c."id", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c."title", c."issuer", c."createdAt"
    FROM "CustomCertification" c
    WHERE c."userId" = ${userId}
    ORDER BY "source" DESC, "createdAt" ASC, "itemId" ASC`);
  const items: ProgressItem[] = [];
  const customCertifications: CustomCertification[] = [];
  for (const row of rows) {
    if (row.source === "certification") customCertifications.push({ id: row.itemId, title: row.title ?? "", issuer: row.issuer ?? "" });
    else if (row.status !== null && row.updatedAt !== null) items.push(toProgressItem({ ...row, status: row.status, updatedAt: row.updatedAt }));
  }
  return { items, customCertifications };
}
