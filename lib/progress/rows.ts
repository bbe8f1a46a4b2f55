import "server-only";
import type { ItemStatus } from "@/lib/catalog";
import { getDatabaseConfig, readRows, type SqlQuery, sql, type TaggedRow } from "@/lib/db";
import type { CustomCertification } from "@/lib/certifications/types";
import type { ItemVerification, ProgressItem } from "./types";

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

/** A stored timestamp already in toISOString()'s form but for its zone: UTC as "Z" or "+00:00". */
const CANONICAL_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(?:Z|\+00:00)$/;

/**
 * A stored timestamp (a Date from Prisma, ISO text from the fast read path, epoch
 * milliseconds for a missing one) as toISOString() gives it. Text in that form but for its zone is rewritten without a
 * Date: every progress read converts each row's timestamp, and Next.js wraps the Date
 * constructor, so a Date per row was a measurable part of a request (docs/benchmarks.md).
 */
export function toIsoTimestamp(value: Date | string | number): string {
  if (typeof value === "string") {
    const match = CANONICAL_UTC.exec(value);
    if (match) return `${match[1]}Z`;
  }
  return new Date(value).toISOString();
}

/** A stored timestamp in epoch milliseconds, for ordering; 0 when there is none. */
function toEpochMs(value: Date | string | null): number {
  if (value === null) return 0;
  return typeof value === "string" ? Date.parse(value) : new Date(value).getTime();
}

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
    updatedAt: toIsoTimestamp(row.updatedAt),
    // Present only on verified rows, so every other row keeps its shape.
    ...(row.verifiedBy && row.verifiedAt
      ? { verification: { issuer: row.verifiedBy, issuerId: row.verifiedIssuerId ?? "", method: row.verifiedMethod ?? "", verifiedAt: toIsoTimestamp(row.verifiedAt) } }
      : {}),
  };
}

/** What one read of a person's progress gives: every stored row, their verified items, their own certifications. */
export type StoredProgress = {
  rows: Map<string, StoredRow>;
  verifications: Map<string, ItemVerification>;
  customCertifications: (CustomCertification & { createdAt: Date | string | null })[];
};

export type StoredRow = Omit<ProgressRowLike, "verifiedBy" | "verifiedIssuerId" | "verifiedMethod" | "verifiedAt"> & {
  /**
   * PostgreSQL: the row's version (its system column xmin, which every update of the row
   * changes), for a write that must find the row as it read it (lib/progress/set-item-progress.ts).
   * Null on SQLite, whose writes run one at a time.
   */
  version: string | null;
};

/**
 * A row of storedProgressQuery (a tagged row, lib/db.ts); its columns mean what `source` says
 * (see there). Another domain's row read in the same statement (`also`) has a source of its own.
 */
export type StoredProgressRow = TaggedRow;

/**
 * The one read of a person's progress, for every page and API call that shows it and for
 * every progress write: one statement (decision records 024 and 026), three kinds of row
 * told apart by `source`, columns by position: a progress row (a-f: status, completedOn,
 * expiresOn, note, evidenceUrl, targetOn; at: updatedAt), a verification (a-c: issuer name,
 * issuer id, method; at: verifiedAt), an own certification (a, b: title, issuer; at:
 * createdAt). No join and no order: the verifications come as rows of their own, and the
 * rows are put in order in JavaScript (loadProgressRows), which costs less than the database's
 * sort and per-row join did on a read every request makes.
 */
export function storedProgressQuery(userId: string, also?: SqlQuery): SqlQuery {
  const version = getDatabaseConfig().provider === "postgresql" ? sql`"xmin"::text` : sql`NULL`;
  const query = sql`
    SELECT 'progress' AS "source", "itemId" AS "id", "status" AS "a", "completedOn" AS "b", "expiresOn" AS "c", "note" AS "d", "evidenceUrl" AS "e", "targetOn" AS "f", "updatedAt" AS "at", ${version} AS "version"
    FROM "Progress" WHERE "userId" = ${userId}
    UNION ALL
    SELECT 'verification', "itemId", "issuerName", "issuerId", "method", NULL, NULL, NULL, "verifiedAt", NULL FROM "CertificationVerification" WHERE "userId" = ${userId}
    UNION ALL
    SELECT 'certification', "id", "title", "issuer", NULL, NULL, NULL, NULL, "createdAt", NULL FROM "CustomCertification" WHERE "userId" = ${userId}`;
  return also ? sql`${query}
    UNION ALL
    ${also}` : query;
}

/** The rows of storedProgressQuery by kind; rows of any other source are left in `others`. */
export function toStoredProgress(read: readonly StoredProgressRow[]): StoredProgress & { others: StoredProgressRow[] } {
  const stored: StoredProgress & { others: StoredProgressRow[] } = { rows: new Map(), verifications: new Map(), customCertifications: [], others: [] };
  for (const row of read) {
    if (row.source === "certification") stored.customCertifications.push({ id: row.id, title: row.a ?? "", issuer: row.b ?? "", createdAt: row.at });
    else if (row.source === "verification") {
      stored.verifications.set(row.id, { issuer: row.a ?? "", issuerId: row.b ?? "", method: row.c ?? "", verifiedAt: toIsoTimestamp(row.at ?? 0) });
    } else if (row.source === "progress") {
      stored.rows.set(row.id, { itemId: row.id, status: row.a ?? "todo", completedOn: row.b, expiresOn: row.c, note: row.d, evidenceUrl: row.e, targetOn: row.f, updatedAt: row.at ?? new Date(0), version: row.version });
    } else stored.others.push(row);
  }
  return stored;
}

/** A stored item as the API shows it (with its verification, when there is one), or null when it was never saved. */
export function storedItem(stored: StoredProgress, itemId: string): ProgressItem | null {
  const row = stored.rows.get(itemId);
  if (!row) return null;
  const verification = stored.verifications.get(itemId);
  return { ...toProgressItem(row), ...(verification ? { verification } : {}) };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every stored row of one person, by item id, and their own certifications, oldest first
 * (then by id): one query on lib/db's fast read path. `also`: another domain's rows of this
 * person, read in the same statement (a SELECT of storedProgressQuery's ten columns whose
 * `source` names it), returned as they came in `others`.
 */
export async function loadProgressRows(userId: string, also?: SqlQuery): Promise<ProgressRows> {
  return progressRowsFrom(await readRows<StoredProgressRow>(storedProgressQuery(userId, also)));
}

export type ProgressRows = { items: ProgressItem[]; customCertifications: CustomCertification[]; others: StoredProgressRow[] };

/** loadProgressRows from the rows of storedProgressQuery, read already (with the session check: lib/auth/session.ts requireUserReading). */
export function progressRowsFrom(read: readonly StoredProgressRow[]): ProgressRows {
  const stored = toStoredProgress(read);
  const items = [...stored.rows.keys()].sort(byText).map((itemId) => storedItem(stored, itemId) as ProgressItem);
  const customCertifications = stored.customCertifications
    .map((certification) => ({ certification, at: toEpochMs(certification.createdAt) }))
    .sort((a, b) => a.at - b.at || byText(a.certification.id, b.certification.id))
    .map(({ certification: { id, title, issuer } }) => ({ id, title, issuer }));
  return { items, customCertifications, others: stored.others };
}
