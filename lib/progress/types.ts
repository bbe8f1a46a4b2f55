import type { Catalog, ItemStatus } from "@/lib/catalog";
import type { CustomCertification } from "@/lib/certifications/types";
import type { LadderEvaluation } from "@/lib/ladder";

// Plain DTOs of the progress API, shared with client components (types only, no server code).

export type ProgressItem = {
  itemId: string;
  status: ItemStatus;
  completedOn: string | null;
  expiresOn: string | null;
  note: string | null;
  evidenceUrl: string | null;
  /** The person's own target date ("YYYY-MM-DD"), or null. */
  targetOn: string | null;
  /** ISO timestamp of the last change; null for an item never saved (still "todo"). */
  updatedAt: string | null;
  /** Certifications whose credential Ladder verified (lib/credentials): who issued it, when checked. */
  verification?: ItemVerification | null;
};

export type ItemVerification = { issuer: string; issuerId: string; method: string; verifiedAt: string };

export type ProgressSummary = { done: number; inProgress: number; skipped: number; total: number };

export type ProgressList = { items: ProgressItem[]; summary: ProgressSummary };

/** The ladder position and the catalog with the person's own certifications (to name them), for the ladder page. */
export type LadderOverview = { position: LadderEvaluation; catalog: Catalog };

/**
 * What the dashboard's server render hands to its client components: the stored rows and
 * the person's own certifications, nothing derived from them. The counts and the ladder are
 * computed from these in the render with the same pure functions (docs/decisions/021).
 */
export type DashboardData = {
  today: string;
  trackId: string | null;
  items: ProgressItem[];
  customCertifications: CustomCertification[];
};
