import type { ItemStatus } from "@/lib/catalog";

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
};

export type ProgressSummary = { done: number; inProgress: number; skipped: number; total: number };

export type ProgressList = { items: ProgressItem[]; summary: ProgressSummary };

export type CustomCertification = { id: string; title: string; issuer: string };
