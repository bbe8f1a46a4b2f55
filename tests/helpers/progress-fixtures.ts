import crypto from "node:crypto";
import { getDb } from "@/lib/db";

/** A person with no progress, created directly in the database (no sign-in needed for data-layer tests). */
export async function createTestUser(name: string | null = null): Promise<{ id: string; trackId: string | null; name: string | null; email: string }> {
  const row = await getDb().user.create({ data: { email: `progress-${crypto.randomUUID()}@example.test`, name } });
  return { id: row.id, trackId: row.trackId, name: row.name, email: row.email };
}

export async function countRows(userId: string): Promise<{ progress: number; events: number; certifications: number }> {
  const db = getDb();
  const [progress, events, certifications] = await Promise.all([
    db.progress.count({ where: { userId } }),
    // Item events only: a rung change is an event of its own (tests/integration/rung-history.test.ts).
    db.progressEvent.count({ where: { userId, itemId: { not: "ladder-rung" } } }),
    db.customCertification.count({ where: { userId } }),
  ]);
  return { progress, events, certifications };
}

export const SKILL_IDS = [
  "programming-languages",
  "machine-learning-algorithms",
  "data-modeling-and-evaluation",
  "software-engineering-skills",
] as const;
export const AWS = "aws-certified-machine-learning";
export const GOOGLE = "google-professional-machine-learning-engineer";
